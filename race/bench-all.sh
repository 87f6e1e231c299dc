#!/usr/bin/env bash
# bench-all.sh: every concurrency model of the kit measured with wrk, side by side, in one run.
#
#   race/bench-all.sh                                      # about 6 minutes on 2 cores
#   RUNS=5 DURATION=10s CONNECTIONS=1000 MS=100 race/bench-all.sh
#   MODELS="virtual,event loop" CONNECTIONS=5000 race/bench-all.sh   # only the models whose name contains a word
#
# One JVM (workshop.race.BenchServers) serves every model of the kit's race, the same list in the
# same order, on ports from BASE_PORT (8091) upwards, with the finished code of every module.
# For each model, after a warm-up, RUNS runs of each measurement (all hello runs first), and the median:
#   hello world:  wrk -t1 -c50 -d$DURATION on its hello path (the route that answers at once)
#   overlap:      wrk -t1 -c$CONNECTIONS -d$DURATION on its waiting path: every request waits MS ms;
#                 the ideal is CONNECTIONS / (MS / 1000) requests/s; efficiency = measured / ideal.
#
# The servers' JVM uses the serial collector, as the race's does (see kit.race.jvm in the root pom.xml).
#
# wrk is NOT needed to build or test the kit; only this script uses it. On Debian/Ubuntu:
#   apt-get update && apt-get install -y wrk
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench-all.sh needs wrk, which the kit itself never needs. Install it (Debian/Ubuntu):"
  echo "  apt-get update && apt-get install -y wrk"
  echo "Nothing was measured."
  exit 0
fi

RUNS=${RUNS:-3}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-1000}
MS=${MS:-100}
MODELS=${MODELS:-}
BASE_PORT=${BASE_PORT:-8091}
ulimit -n 20000 2>/dev/null || echo "note: could not raise ulimit -n (now $(ulimit -n)); $CONNECTIONS connections may fail"

find_java() { # a JDK 21 or newer, wherever it is
  for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
}
JAVA=$(find_java)
[ -n "$JAVA" ] || { echo "bench-all.sh needs a JDK 21 or newer (set JAVA_HOME)"; exit 1; }

echo "building ..."
../mvnw -q -B compile
mkdir -p target
"$JAVA" -XX:+UseSerialGC -cp target/classes workshop.race.BenchServers --port "$BASE_PORT" --ms "$MS" > target/bench-servers.txt 2>&1 &
SERVERS=$!
trap 'kill $SERVERS 2>/dev/null; wait $SERVERS 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do grep -q '^ready' target/bench-servers.txt 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' target/bench-servers.txt || { echo "the servers did not start:"; cat target/bench-servers.txt; exit 1; }

rps() { awk '/Requests\/sec/ {printf "%.0f", $2}'; }
errors() { awk '/Socket errors|Non-2xx/ {gsub(",", ""); for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) n += $i} END {print n + 0}'; }
settled() { # port hello-path: true once the server answers a hello request within a second again (max 20 s)
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -m 1 "http://127.0.0.1:$1$2" && return 0
  done
  return 1
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

IDEAL=$(( CONNECTIONS * 1000 / MS ))
ROWS=""
wanted() { # name -> true when MODELS is empty or one of its comma-separated words is in the name
  [ -z "$MODELS" ] && return 0
  local word; IFS=',' read -ra words <<<"$MODELS"
  for word in "${words[@]}"; do [[ "${1,,}" == *"${word,,}"* ]] && return 0; done
  return 1
}
while IFS=$'\t' read -r port hello wait name; do
  [ "$port" = ready ] && break
  wanted "$name" || continue
  echo "$name (port $port): warm-up ..."
  wrk -t1 -c50 -d2s "http://127.0.0.1:$port$hello" >/dev/null 2>&1 || true
  hellos=""; overlaps=""; errs=0
  # Hello runs first: on a model that serves one request at a time, the waiting requests a
  # finished overlap run leaves queued would delay every later hello request.
  for run in $(seq 1 "$RUNS"); do
    hellos+="$(wrk -t1 -c50 -d"$DURATION" "http://127.0.0.1:$port$hello" 2>&1 | rps) "
  done
  note=""
  for run in $(seq 1 "$RUNS"); do
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s "http://127.0.0.1:$port$wait" 2>&1)
    overlaps+="$(echo "$out" | rps) "
    errs=$(( errs + $(echo "$out" | errors) ))
    # The clients of a run are gone, but a model that serves one request at a time still works
    # through their queued requests; a run started before that queue drains would measure it.
    if [ "$run" -lt "$RUNS" ] && ! settled "$port" "$hello"; then
      note=" (1 run: its queue takes minutes to drain)"; break
    fi
  done
  echo "  hello req/s per run: $hellos; overlap req/s per run: $overlaps"
  h=$(echo "$hellos" | median); o=$(echo "$overlaps" | median)
  eff=$(awk -v o="$o" -v i="$IDEAL" 'BEGIN {printf "%.3f", o / i}')
  ROWS+="| $name | $h | $o$note | $eff | $errs |"$'\n'
done < target/bench-servers.txt

echo
echo "Kit benchmark: $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
echo "median of $RUNS runs of $DURATION each, after a warm-up; overlap: $CONNECTIONS connections, each request waits $MS ms (ideal $IDEAL req/s)"
echo
echo "| model | hello world req/s (wrk -c50) | overlap req/s (wrk -c$CONNECTIONS, ${MS} ms) | efficiency | overlap errors (all runs) |"
echo "|---|---:|---:|---:|---:|"
printf "%s" "$ROWS"
