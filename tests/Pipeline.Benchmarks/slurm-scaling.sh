#!/usr/bin/env bash
# Whole-process figures for a split run on Slurm, against one process, on this machine:
#   tests/Pipeline.Benchmarks/slurm-scaling.sh [ARTICLES] [SHARDS]     (default 300 articles, 4 shards; as root)
# Writes ARTICLES real articles from ../shared/data (half People's Daily, half Reuters) into a temporary
# folder, runs them once as one process (`pipeline run`, --jobs 2), then as SHARDS Slurm shards
# (deploy/slurm/submit.sh on a one-node cluster started for the purpose) plus the merge, and prints
# the wall times, each shard's own time, the merge's, and the fixed cost of one shard (a shard with no
# articles: process start, configuration, pipeline and model, record, commit). Default configuration
# (every stage, DOCX and PDF). Prints the load average before and after: the machine may be shared.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
articles=${1:-300}
shards=${2:-4}
work=$(mktemp -d /tmp/pipeline-slurm-scaling.XXXXXX)
chmod 755 "$work"   # munged runs as its own user and must reach its socket below it
cluster=$work/cluster
trap '"$repo/deploy/slurm/local-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet build "$repo/src/Pipeline.Cli" -c Release -v q -nologo >/dev/null
pipeline="dotnet $repo/src/Pipeline.Cli/bin/Release/net10.0/pipeline.dll"
mkdir -p "$work/input" "$work/empty"
python3 - "$repo/../shared/data" "$work/input" "$articles" <<'PY'
import gzip, json, sys, os
data, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name, take in (("pd1998-train.jsonl.gz", n // 2), ("conll2003-train.jsonl.gz", n - n // 2)):
    with gzip.open(os.path.join(data, name), "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= take: break
            doc = json.loads(line)
            open(os.path.join(out, doc["doc"]), "w", encoding="utf-8").write(doc["text"])
PY
cat > "$work/one.json" <<<'{ "input": "input", "output": "one" }'
cat > "$work/split.json" <<<'{ "input": "input", "output": "split" }'
cat > "$work/empty.json" <<<'{ "input": "empty", "output": "empty-out" }'
export SOURCE_DATE_EPOCH=1700000000
cd "$work"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }

t0=$(now); $pipeline run --config one.json --jobs 2 >/dev/null 2>&1 || true; t1=$(now)
echo "one process, --jobs 2: $(echo "$t1 - $t0" | bc) s for $articles articles"

t0=$(now); $pipeline run --config empty.json --shard-index 0 --shard-count "$shards" >/dev/null 2>&1; t1=$(now)
echo "fixed cost of one shard (no articles, whole process): $(echo "$t1 - $t0" | bc) s"

"$repo/deploy/slurm/local-cluster.sh" start "$cluster" >/dev/null
export SLURM_CONF=$cluster/slurm.conf PIPELINE="$pipeline" PIPELINE_CONFIG=$work/split.json
t0=$(now)
read -r array merge < <("$repo/deploy/slurm/submit.sh" "$shards")
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do sleep 0.5; done
t1=$(now)
echo "Slurm, $shards shards of 1 CPU + merge, submit to merge done: $(echo "$t1 - $t0" | bc) s"
scontrol show job "$merge" | grep -oE 'JobState=[A-Z]+|ExitCode=[0-9:]+' | tr '\n' ' '; echo
python3 - split/run-summary.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for sh in s["shards"]:
    print(f"  shard {sh['shard']}: {sh['articles']} articles, {sh['seconds']:.1f} s")
PY
grep -h "^merged" pipeline-merge-*.log
diff -rq one split -x shards -x pipeline.db -x run-summary.json >/dev/null && echo "split output equals one process's: yes" || echo "split output equals one process's: NO"
t0=$(now); $pipeline merge --config split.json --shard-count "$shards" >/dev/null 2>&1 || true; t1=$(now)
echo "merge again, whole process: $(echo "$t1 - $t0" | bc) s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
