#!/usr/bin/env bash
# Time to the first search result and to the first filtered row of the member index, on a generated site, in
# headless Chromium with the CPU throttled (bench/search/SearchLatency.java says how it is measured).
#
#   bench/search/run.sh [N]        N = number of generated cities (default 100000) or 'real'
#
# Environment: WORK (default bench/.work/search) holds the generated content and the built site; RUNS (default 5)
# measured runs per query after one warm-up run; THROTTLE (default 4); QUERIES (space separated, default the
# benchmark's set; words of one query joined by '+', e.g. 'malmo+1'). Needs python3, chromium and chromedriver
# (apt-get install chromium chromium-driver); builds the jar when it is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-100000}
WORK=${WORK:-$ROOT/bench/.work/search}
RUNS=${RUNS:-5}
THROTTLE=${THROTTLE:-4}
mkdir -p "$WORK"
cd "$ROOT"
[ -f target/eurocities-site.jar ] || ./mvnw -B -ntp -q -DskipTests package
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
[ -d "$WORK/gen-$N/ours/content" ] || python3 bench/sitegen.py "$N" --out "$WORK/gen-$N" >/dev/null
echo "== building $N cities into $WORK/site-$N"
./eurocities-site build --quiet --source "$WORK/gen-$N/ours" --out "$WORK/site-$N"
echo "== files a visitor may download, gzip"
for f in "$WORK/site-$N"/search-index/*.json "$WORK/site-$N"/members/*.json; do
  [ -f "$f" ] && printf '%s %s\n' "$(gzip -6 -c "$f" | wc -c)" "${f#"$WORK/site-$N/"}"
done | sort -n | tail -3
git log -1 --format='commit %h %s' | cut -c1-100
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
QS=()
for q in ${QUERIES:-}; do QS+=("${q//+/ }"); done
CP=$(cat "$WORK/classpath.txt")
java -cp "$CP" bench/search/SearchLatency.java --site "$WORK/site-$N" --runs "$RUNS" --throttle "$THROTTLE" "${QS[@]}"
java -cp "$CP" bench/search/SearchLatency.java --site "$WORK/site-$N" --runs "$RUNS" --throttle "$THROTTLE" --filter
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
