#!/bin/bash
# Submits a split run to Slurm: a job array of N shards and a merge that waits for all of them.
#   deploy/slurm/submit.sh N [extra sbatch options...]
# From the folder that holds pipeline.json (or set PIPELINE_CONFIG); PIPELINE is the command that runs the
# program (default: pipeline on PATH; e.g. PIPELINE="dotnet /opt/pipeline/pipeline.dll").
# Prints the array's and the merge's job ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?usage: submit.sh N [sbatch options...]}
shift
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: N must be a whole number ≥ 1 (got '$shards')" >&2; exit 2; }
export SHARDS=$shards
# One timestamp for every shard and the merge, so their DOCX and PDF bytes do not depend on when each ran.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
array=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" "$@" "$here/shard.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes "$@" "$here/merge.sbatch")
merge=${merge%%;*}
echo "$array $merge"
