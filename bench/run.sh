#!/usr/bin/env bash
# Our build beside Hugo (and Eleventy, Jekyll) on the same site, with the shared benchmark harness.
#
#   bench/run.sh [N ...]          N = real | 1000 | 10000 | 100000   (default: real 1000 10000)
#
# Environment:
#   BENCH_HOME=/work/shared/bench  the harness (gen.py, run.sh, verify.py)
#   BENCH_WORK=bench/.work         writable folder for generated inputs, outputs and results
#   GENS="hugo ours"               generators to run (add eleventy, jekyll-fixed if installed)
#   OURS_CMD=...                   our build command; default: ./eurocities-site build --quiet ...
# Everything else (RUNS, WARMUP, OUT_ROOT, LABEL ...) goes to the harness's run.sh unchanged.
#
# Inputs come from the harness's gen.py through bench/gen_ours.py, which writes the same Hugo, Eleventy and
# Jekyll sites and adds local_name_lang to our city records (this project requires it). Each N then runs
# the harness (hyperfine, cold builds, peak RSS, verify.py) and bench/rebuild.sh (rebuild without and with
# a change). Needs: hugo, hyperfine, GNU time (/usr/bin/time), python3, and the jar (built if missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_HOME=${BENCH_HOME:-/work/shared/bench}
export BENCH_WORK=${BENCH_WORK:-$ROOT/bench/.work}
export GENS=${GENS:-"hugo ours"}
export OURS_CMD=${OURS_CMD:-"$ROOT/eurocities-site build --quiet --source {src} --out {out}"}
[ -f "$ROOT/target/eurocities-site.jar" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
if [ $# -eq 0 ]; then set -- real 1000 10000; fi
mkdir -p "$BENCH_WORK/results"

# the cache key of the harness's run.sh: data is regenerated when gen.py or its inputs change
stamp=$(cat "$BENCH_HOME/gen.py" "$BENCH_HOME"/data/* "$BENCH_HOME"/pages/* \
          $(find "$BENCH_HOME/skeletons" -type f | sort) | sha1sum | cut -c1-16)

for n in "$@"; do
  data=$BENCH_WORK/data/$n
  if [ ! -f "$data/manifest.json" ] || [ "$(cat "$data/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== generating data for N=$n into $data"
    BENCH_HOME=$BENCH_HOME python3 "$ROOT/bench/gen_ours.py" --cities "$n" --out "$data"
    echo "$stamp" > "$data/.stamp"
    echo "local_name_lang added" > "$data/.ours-format"
  elif [ ! -f "$data/.ours-format" ]; then
    echo "== adapting $data/ours to our content format"
    BENCH_HOME=$BENCH_HOME python3 "$ROOT/bench/gen_ours.py" --ours-only "$n" "$data" .ours-format
  fi
  echo "== uptime before N=$n: $(uptime)"
  bash "$BENCH_HOME/run.sh" "$n" 2>&1 | tee "$BENCH_WORK/results/$n-run.log"
  if [ "$n" = real ] || [ "$n" -lt 100000 ] || [ -n "${REBUILD:-}" ]; then  # copying 100,000 inputs is slow
    bash "$ROOT/bench/rebuild.sh" "$n" 2>&1 | tee "$BENCH_WORK/results/$n-rebuild.log"
  fi
done
