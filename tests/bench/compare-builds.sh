#!/bin/bash
# Whole-process figures of two or more builds of `pipeline`, rows taken in alternation so that a machine whose speed
# drifts between minutes slows every build alike (BENCHMARKS.md).
#
#   tests/bench/compare-builds.sh ROUNDS SMALL BATCH REPORTS BUILD_DIR...
#
# SMALL: a folder with one short article; BATCH: a folder of many (tests/bench/corpus-texts.py writes them);
# REPORTS: a smaller folder for `run` with every report. Each BUILD_DIR holds a `pipeline` executable
# (`dotnet publish src/Pipeline.Cli -c Release -r linux-x64 -p:PublishAot=true -o DIR`, or ReadyToRun).
# The `--copies 2` rows run two processes side by side: the most a `--jobs 2` can get on this machine.
set -euo pipefail
if [ $# -lt 5 ]; then sed -n 2,12p "$0" >&2; exit 2; fi
rounds=$1 small=$2 batch=$3 reports=$4; shift 4
config="$(cd "$(dirname "$0")/../.." && pwd)/pipeline.json"
median() { "$1/pipeline" bench -c "$config" --runs 3 "${@:2}" 2>&1 | grep "median:" | sed 's/^ *median: //'; }
for round in $(seq 1 "$rounds"); do
  for row in "$small" "--jobs 1 $batch" "--jobs 1 --copies 2 $batch" "--jobs 2 $batch" \
             "--command run --jobs 1 $reports" "--command run --jobs 1 --copies 2 $reports" "--command run --jobs 2 $reports"; do
    for build in "$@"; do
      # shellcheck disable=SC2086 # the row is a list of arguments
      echo "round $round | $build | $row | $(median "$build" $row)"
    done
  done
done
