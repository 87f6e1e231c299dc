#!/usr/bin/env bash
# bench.sh: the module's benchmark, every server side by side in one run, on loopback.
#
#   cd module-03-event-loop && ./bench.sh            # about 4 minutes
#   DURATION=5s ./bench.sh                           # shorter wrk runs
#
# Servers (one JVM, workshop.loop.bench.BenchServers, started here):
#   8081  the hand-built event loop, one thread (the solutions build)
#   8082  com.sun.net.httpserver with a fixed pool of 40 threads (blocking Thread.sleep)
#   8083  com.sun.net.httpserver with a virtual thread per request (blocking Thread.sleep)
# Measurements:
#   1. hello world, keep-alive:      wrk -t1 -c50 -d$DURATION http://127.0.0.1:PORT/sync/
#   2. overlap, closed loop:         wrk -t1 -c1000 (and -c5000) -d$DURATION 'http://127.0.0.1:PORT/slow/?ms=100'
#                                    ideal = connections / 0.1 s (10,000 req/s for 1,000 connections)
#   3. overlap, one burst:           workshop.loop.bench.BurstClient, a separate JVM: N = 1,000 and 10,000
#                                    requests at once, each waiting d = 1 s, after a warm-up burst;
#                                    efficiency = d / wall time. "connected first": the N connections are
#                                    open before the clock starts at the first request sent; "with connects":
#                                    the clock starts before the first connect.
#
# wrk is NOT needed to build or test the kit; only this script uses it. On Debian/Ubuntu:
#   apt-get update && apt-get install -y wrk
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench.sh needs wrk, which the kit itself never needs. Install it (Debian/Ubuntu):"
  echo "  apt-get update && apt-get install -y wrk"
  echo "Nothing was measured."
  exit 0
fi

DURATION=${DURATION:-10s}
BASE_PORT=${BASE_PORT:-8081}
LOOP=$BASE_PORT; POOL=$((BASE_PORT + 1)); VIRTUAL=$((BASE_PORT + 2))

# 5,000 connections need more than the usual 1,024 descriptors, on both sides.
ulimit -n 20000 2>/dev/null || echo "note: could not raise ulimit -n to 20000 (now $(ulimit -n)); 5,000 connections may fail"

# A JDK 21 or newer to run the servers and the burst client.
find_java() {
  for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
}
JAVA=$(find_java)
[ -n "$JAVA" ] || { echo "bench.sh needs a JDK 21 or newer (set JAVA_HOME)"; exit 1; }

echo "building the solutions ..."
../mvnw -q -B -Psolutions compile
CP=target/solutions/classes

"$JAVA" -Xss512k -cp "$CP" workshop.loop.bench.BenchServers --port "$LOOP" > target/bench-servers.log 2>&1 &
SERVERS=$!
trap 'kill $SERVERS 2>/dev/null; wait $SERVERS 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$VIRTUAL/sync/" >/dev/null 2>&1 && break
  sleep 0.1
done

rps() { awk '/Requests\/sec/ {printf "%.0f", $2}'; }
errors() { awk '/Socket errors|Non-2xx/ {gsub(",", ""); for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) n += $i} END {print n + 0}'; }

run_wrk() { # connections url -> "rps errors"
  local out
  out=$(wrk -t1 -c"$1" -d"$DURATION" --timeout 30s "$2" 2>&1)
  echo "$(echo "$out" | rps) $(echo "$out" | errors)"
}

declare -A NAME=([$LOOP]="event loop, 1 thread" [$POOL]="JDK server, pool of 40" [$VIRTUAL]="JDK server, virtual threads")
PORTS="$LOOP $POOL $VIRTUAL"

echo "warming up ..."
for port in $PORTS; do
  wrk -t1 -c50 -d3s "http://127.0.0.1:$port/sync/" >/dev/null 2>&1
  wrk -t1 -c200 -d3s --timeout 30s "http://127.0.0.1:$port/slow/?ms=100" >/dev/null 2>&1
done

declare -A HELLO OVER1K OVER5K
for port in $PORTS; do
  echo "hello world, ${NAME[$port]} ..."
  HELLO[$port]=$(run_wrk 50 "http://127.0.0.1:$port/sync/")
done
for port in $PORTS; do
  echo "overlap 1,000 connections, ${NAME[$port]} ..."
  OVER1K[$port]=$(run_wrk 1000 "http://127.0.0.1:$port/slow/?ms=100")
done
for port in $PORTS; do
  echo "overlap 5,000 connections, ${NAME[$port]} ..."
  OVER5K[$port]=$(run_wrk 5000 "http://127.0.0.1:$port/slow/?ms=100")
done

burst() { # port requests clock -> one line from BurstClient
  local repeat=3; [ "$1" = "$POOL" ] && repeat=1   # one burst of the pool of 40 already takes 25 s
  "$JAVA" -cp "$CP" workshop.loop.bench.BurstClient --port "$1" --requests "$2" --ms 1000 --clock "$3" \
    --repeat "$repeat" --label "${NAME[$1]}"
}
BURSTS=""
for clock in send connect; do
  for port in $LOOP $VIRTUAL $POOL; do
    [ "$port" = "$POOL" ] && [ "$clock" = connect ] && continue
    echo "one burst of 1,000 (clock from first $clock), ${NAME[$port]} ..."
    BURSTS+="$(burst "$port" 1000 "$clock")"$'\n'
  done
  for port in $LOOP $VIRTUAL; do   # the pool of 40 would need 10,000 / 40 x 1 s = 250 s: left out
    echo "one burst of 10,000 (clock from first $clock), ${NAME[$port]} ..."
    BURSTS+="$(burst "$port" 10000 "$clock")"$'\n'
  done
done

echo
echo "Benchmark on $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1), wrk -t1 -d$DURATION"
echo
echo "| server | hello world req/s (wrk -c50) | /slow/?ms=100, 1,000 conns req/s (ideal 10,000) | /slow/?ms=100, 5,000 conns req/s (ideal 50,000) |"
echo "|---|---:|---:|---:|"
for port in $PORTS; do
  read -r h he <<<"${HELLO[$port]}"; read -r o1 o1e <<<"${OVER1K[$port]}"; read -r o5 o5e <<<"${OVER5K[$port]}"
  printf "| %s | %s%s | %s%s | %s%s |\n" "${NAME[$port]}" \
    "$h" "$([ "$he" -gt 0 ] && echo " ($he errors)")" \
    "$o1" "$([ "$o1e" -gt 0 ] && echo " ($o1e errors)")" \
    "$o5" "$([ "$o5e" -gt 0 ] && echo " ($o5e errors)")"
done
echo
echo "One burst (BurstClient, a separate JVM, after a warm-up burst, best and median of 3; efficiency = d / wall):"
printf "%s" "$BURSTS"
