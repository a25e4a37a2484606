#!/usr/bin/env bash
# This tool beside Hugo, Eleventy and Jekyll on the same site: cold builds timed with hyperfine, peak memory and
# pages written for each, then rebuilds of this tool without and with a one-city change (bench/rebuild.sh).
#
#   bench/run.sh [N ...]     N = real | 1000 | 10000 | 100000 | any number   (default: real 1000 10000)
#
# Needs python3, hyperfine and GNU time (apt-get install -y hyperfine time), and the generators to compare: hugo and
# jekyll from Debian (apt-get install -y hugo jekyll), Eleventy from npm (installed into BENCH_WORK from
# bench/node/package-lock.json on the first run when npm is there). A generator that is not installed is left out
# with a note. The jar is built when it is missing.
#
# Environment:
#   BENCH_WORK=bench/.work   inputs (data/N), outputs (out/N) and results (results/)
#   GENS="hugo eleventy jekyll-fixed ours"
#                            the generators to run (default: those installed). jekyll-fixed is Jekyll with
#                            bench/jekyll-plugins, upstream's fix for a loop that is quadratic in the number of
#                            files in Jekyll 4.3.0-4.3.1 (Debian 12's); jekyll is Jekyll as shipped. This tool can
#                            run three ways: ours (the launcher on the default JDK, with its class-data archive),
#                            ours-jar (plain java -jar on the default JDK) and ours-jdk25 (the launcher on the JDK
#                            named by JDK25, default /usr/lib/jvm/temurin-25-jdk-amd64, with the ahead-of-time cache,
#                            trained here first if it is missing or older than the jar)
#   RUNS, WARMUP             hyperfine's runs and warm-up runs (default 5 and 1; 3 and 0 from 100,000 cities; 1
#                            and 0 from 1,000,000)
#   LARGE_GENS="hugo ours"   the generators run from 1,000,000 cities (Eleventy and Jekyll would take over a
#                            quarter of an hour each there). Each build of such a set runs once, through
#                            bench/memguard.py, which stops it when less than 1 GiB of the machine's memory is
#                            left and says so in results/LABEL-GEN.memguard; peak RSS comes from that same run;
#                            its output is deleted once counted, and the other sets' outputs before the set
#                            starts, to leave the memory to the builds
#   LARGE_JAVA_OPTS=-Xmx2g   EUROCITIES_JAVA_OPTS for this tool's launcher from 1,000,000 cities (the bound the
#                            benchmark holds it to; the launcher alone would give such a site about 3 GiB)
#   OUT_ROOT                 where the outputs go (default BENCH_WORK/out); a tmpfs such as /dev/shm/bench takes the
#                            disk out of the figures
#   LABEL                    the name of this set of figures in results/ (default: N)
#   OURS_CMD                 this tool's build (default: ./eurocities-site build --quiet --source {src} --out {out})
#
# Results: results/LABEL-GEN.json (hyperfine), results/summary.tsv (one line per generator and set; bench/table.py
# prints it as the table in BENCHMARKS.md), results/versions.txt, and each set's log, results/LABEL-run.log.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_WORK:-$ROOT/bench/.work}
RESULTS=$WORK/results
ELEVENTY=$WORK/node_modules/@11ty/eleventy/cmd.cjs
mkdir -p "$RESULTS"

for tool in python3 hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y hyperfine time python3)" >&2; exit 2; }
done
if [ ! -f "$ELEVENTY" ] && command -v npm >/dev/null; then
  echo "== installing Eleventy into $WORK"
  cp "$ROOT"/bench/node/package.json "$ROOT"/bench/node/package-lock.json "$WORK/"
  (cd "$WORK" && npm ci --no-audit --no-fund --silent)
fi
if [ -z "${GENS:-}" ]; then
  GENS=""
  if command -v hugo >/dev/null; then GENS="hugo"; else echo "== no hugo: left out (apt-get install -y hugo)"; fi
  if [ -f "$ELEVENTY" ]; then GENS="$GENS eleventy"; else echo "== no Eleventy: left out (needs npm)"; fi
  if command -v jekyll >/dev/null; then GENS="$GENS jekyll-fixed"; else echo "== no jekyll: left out (apt-get install -y jekyll)"; fi
  GENS="$GENS ours"
fi
OURS_CMD=${OURS_CMD:-"$ROOT/eurocities-site build --quiet --source {src} --out {out}"}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f "$ROOT/target/eurocities-site.jar" ] || (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package)
case " $GENS " in *" ours-jdk25 "*)
  version=$("$JDK25/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/{print $2}')
  cache="$ROOT/target/eurocities-site-$version.aot"
  if [ ! "$cache" -nt "$ROOT/target/eurocities-site.jar" ]; then
    echo "== training the ahead-of-time cache $cache"  # as the aot-cache profile of pom.xml does
    "$JDK25/bin/java" -XX:AOTCacheOutput="$cache" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx768m \
      -jar "$ROOT/target/eurocities-site.jar" build --quiet --source "$ROOT" --out "$WORK/aot-training" >/dev/null
    rm -rf "$WORK/aot-training"
  fi ;;
esac

{
  echo "date: $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "eurocities-site: $(java -jar "$ROOT/target/eurocities-site.jar" --version) on $(java -version 2>&1 | head -1)"
  if command -v hugo >/dev/null; then echo "hugo: $(hugo version)"; fi
  if [ -f "$ELEVENTY" ]; then echo "eleventy: $(node "$ELEVENTY" --version) on node $(node --version)"; fi
  if command -v jekyll >/dev/null; then echo "jekyll: $(jekyll --version) on $(ruby --version)"; fi
  echo "hyperfine: $(hyperfine --version)"
} > "$RESULTS/versions.txt"

# the build command of generator $1 for the input $2 and the output folder $3
build_cmd() {
  case "$1" in
    hugo) echo "hugo --source '$2/hugo' --destination '$3' --quiet" ;;
    eleventy) echo "cd '$2/eleventy' && node '$ELEVENTY' --output='$3' --quiet" ;;
    jekyll) echo "jekyll build --source '$2/jekyll' --destination '$3' --quiet" ;;
    jekyll-fixed) echo "jekyll build --source '$2/jekyll' --destination '$3' --quiet --plugins '$ROOT/bench/jekyll-plugins'" ;;
    ours) local c=${OURS_CMD//\{src\}/$2/ours}; echo "${c//\{out\}/$3}" ;;
    ours-jar) echo "java -jar '$ROOT/target/eurocities-site.jar' build --quiet --source '$2/ours' --out '$3'" ;;
    ours-jdk25) echo "JAVA_HOME='$JDK25' '$ROOT/eurocities-site' build --quiet --source '$2/ours' --out '$3'" ;;
    *) echo "unknown generator: $1" >&2; return 2 ;;
  esac
}
# what makes each timed build a cold one: an empty output folder and no cache of the generator's own
prepare_cmd() {
  case "$1" in
    hugo) echo "rm -rf '$3' '$2/hugo/resources' '$2/hugo/.hugo_build.lock'; sync" ;;
    jekyll*) echo "rm -rf '$3' '$2/jekyll/.jekyll-cache' '$2/jekyll/.jekyll-metadata'; sync" ;;
    *) echo "rm -rf '$3'; sync" ;;
  esac
}

run_set() {
  local n=$1 label=${LABEL:-$1} data=$WORK/data/$1 out=${OUT_ROOT:-$WORK/out}/$1
  local stamp runs warmup expected cities g cmd prep rss pages files bytes
  stamp=$(find "$ROOT/bench/sitegen.py" "$ROOT/bench/peers" "$ROOT/content" -type f -print0 | sort -z \
    | xargs -0 cat | sha1sum | cut -c1-16)
  if [ "$(cat "$data/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== writing the input for N=$n into $data"
    python3 "$ROOT/bench/sitegen.py" "$n" --out "$data"
    echo "$stamp" > "$data/.stamp"
  fi
  local gens=$GENS large=
  if [ "$n" != real ] && [ "$n" -ge 1000000 ]; then
    large=1; runs=${RUNS:-1}; warmup=${WARMUP:-0}; gens=${LARGE_GENS:-hugo ours}
    # the other sets' outputs would hold memory on a tmpfs that the builds of this one need
    find "${OUT_ROOT:-$WORK/out}" -mindepth 1 -maxdepth 1 ! -name "$1" -exec rm -rf {} + 2>/dev/null || true
  elif [ "$n" != real ] && [ "$n" -ge 100000 ]; then runs=${RUNS:-3}; warmup=${WARMUP:-0}; else runs=${RUNS:-5}; warmup=${WARMUP:-1}; fi
  cities=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cities"])' "$data/manifest.json")
  expected=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["peer_html_pages"])' "$data/manifest.json")
  mkdir -p "$out"
  echo "== N=$n ($cities cities), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for g in $gens; do
    cmd=$(build_cmd "$g" "$data" "$out/$g")
    prep=$(prepare_cmd "$g" "$data" "$out/$g")
    if [ -n "$large" ]; then
      case $g in ours*) cmd="EUROCITIES_JAVA_OPTS='${LARGE_JAVA_OPTS:--Xmx2g}' $cmd" ;; esac
      # one run, measured for time and memory at once, stopped before it takes the machine's last memory
      cmd="/usr/bin/time -v -o '$out/$g.time' python3 '$ROOT/bench/memguard.py' '$RESULTS/$label-$g.memguard' 1024 -- bash -c $(printf %q "$cmd")"
    fi
    echo "== $g: $cmd"
    if ! hyperfine --style basic --warmup "$warmup" --runs "$runs" --prepare "$prep" \
        --export-json "$RESULTS/$label-$g.json" -n "$g" "$cmd"; then
      echo "   $g failed at N=$n; left out of the table $(cat "$RESULTS/$label-$g.memguard" 2>/dev/null)" >&2
      rm -rf "${out:?}/$g"
      continue
    fi
    if [ -z "$large" ]; then
      bash -c "$prep"
      /usr/bin/time -v bash -c "$cmd" > "$out/$g.log" 2> "$out/$g.time"
    fi
    rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$out/$g.time")
    pages=$(find "$out/$g" -name '*.html' | wc -l)
    files=$(find "$out/$g" -type f | wc -l)
    bytes=$(find "$out/$g" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.0f\n", s}')
    python3 "$ROOT/bench/record.py" "$RESULTS" "$label" "$cities" "$g" "$(case $g in ours*) echo 0 ;; *) echo "$expected" ;; esac)" \
      "$rss" "$pages" "$files" "$bytes" || true
    if [ -n "$large" ]; then rm -rf "${out:?}/$g"; fi
  done
  echo "== load average after N=$n: $(cut -d' ' -f1-3 /proc/loadavg)"
  case " $gens " in *" ours "*)
    if [ "$n" = real ] || [ "$n" -lt 100000 ] || [ -n "${REBUILD:-}" ]; then  # copying 100,000 inputs is slow
      BENCH_WORK=$WORK bash "$ROOT/bench/rebuild.sh" "$n"
    fi ;;
  esac
}

if [ $# -eq 0 ]; then set -- real 1000 10000; fi
for n in "$@"; do
  run_set "$n" 2>&1 | tee "$RESULTS/${LABEL:-$n}-run.log"
done
echo "== the table: python3 bench/table.py"
