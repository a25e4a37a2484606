#!/usr/bin/env bash
# Rebuilds of an existing output: nothing changed, then one city's population changed.
#
#   bench/rebuild.sh N       (needs $BENCH_WORK/data/N from bench/run.sh)
#
# Prints our build's own summary line ("... N files written, M unchanged ..."): an unchanged rebuild must
# write no file; after a one-city edit only the pages showing that city's population are written (its page,
# the member index, its country page). Works on a copy of the input, so the benchmark data stays as generated.
# OURS_LAUNCHER: the launcher to run (default: ./eurocities-site of this repository).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_WORK=${BENCH_WORK:-$ROOT/bench/.work}
n=${1:?usage: rebuild.sh N}
src=$BENCH_WORK/rebuild/$n/src
out=$BENCH_WORK/rebuild/$n/site
rm -rf "$BENCH_WORK/rebuild/$n"
mkdir -p "$src"
cp -r "$BENCH_WORK/data/$n/ours/content" "$src/"
build() { "${OURS_LAUNCHER:-$ROOT/eurocities-site}" build --source "$src" --out "$out" 2>/dev/null | tail -1; }
echo "== rebuilds at N=$n"
echo "first build:      $(build)"
echo "unchanged:        $(build)"
city=$(grep -rl '^population:' "$src/content/cities" | sort | sed -n 1p)
old=$(sed -n 's/^population: *//p' "$city")
sed -i "s/^population: .*/population: $((old + 1))/" "$city"
echo "one city changed: $(build)   ($(basename "$city"): population $old -> $((old + 1)))"
