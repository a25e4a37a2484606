#!/usr/bin/env bash
# Our build beside Hugo (and Eleventy, Jekyll) on the same site, with the shared benchmark harness.
#
#   bench/run.sh [N ...]          N = real | 1000 | 10000 | 100000   (default: real 1000 10000)
#
# Environment:
#   BENCH_HOME=/work/shared/bench  the harness (gen.py, run.sh, verify.py)
#   BENCH_WORK=bench/.work         writable folder for generated inputs, outputs and results
#   GENS="hugo eleventy jekyll-fixed ours"
#                                  generators to run; by default Hugo, Eleventy if the harness's Node packages are
#                                  installed in BENCH_WORK, Jekyll (with the harness's fix for its quadratic file
#                                  loop) if jekyll is installed, and ours
#   OURS_CMD=...                   our build command; default: ./eurocities-site build --quiet ...
# Everything else (RUNS, WARMUP, OUT_ROOT, LABEL ...) goes to the harness's run.sh unchanged.
#
# Inputs are the harness's own gen.py output, used as generated (the synthetic local names without a language
# only give warnings). Each N runs the harness (hyperfine, cold builds, peak RSS, verify.py), with the load
# average printed before and after, then bench/rebuild.sh (rebuild without and with a change). Needs: hugo,
# hyperfine, GNU time (/usr/bin/time), python3, and the jar (built if missing); for Eleventy and Jekyll:
#   apt-get install -y jekyll
#   mkdir -p bench/.work && cp "$BENCH_HOME"/node/package*.json bench/.work/ && (cd bench/.work && npm ci)
# bench/table.py prints the results (bench/.work/results/summary.tsv) as the table in BENCHMARKS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_HOME=${BENCH_HOME:-/work/shared/bench}
export BENCH_WORK=${BENCH_WORK:-$ROOT/bench/.work}
if [ -z "${GENS:-}" ]; then
  GENS=hugo
  if [ -f "$BENCH_WORK/node_modules/@11ty/eleventy/cmd.cjs" ]; then GENS="$GENS eleventy"; fi
  if command -v jekyll >/dev/null; then GENS="$GENS jekyll-fixed"; fi
  GENS="$GENS ours"
fi
export GENS
export OURS_CMD=${OURS_CMD:-"$ROOT/eurocities-site build --quiet --source {src} --out {out}"}
[ -f "$ROOT/target/eurocities-site.jar" ] || (cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
if [ $# -eq 0 ]; then set -- real 1000 10000; fi
mkdir -p "$BENCH_WORK/results"

for n in "$@"; do
  echo "== uptime before N=$n: $(uptime)"
  bash "$BENCH_HOME/run.sh" "$n" 2>&1 | tee "$BENCH_WORK/results/${LABEL:-$n}-run.log"
  echo "== uptime after N=$n: $(uptime)"
  if [ "$n" = real ] || [ "$n" -lt 100000 ] || [ -n "${REBUILD:-}" ]; then  # copying 100,000 inputs is slow
    bash "$ROOT/bench/rebuild.sh" "$n" 2>&1 | tee "$BENCH_WORK/results/$n-rebuild.log"
  fi
done
