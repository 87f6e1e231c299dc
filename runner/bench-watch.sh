#!/usr/bin/env bash
# bench-watch.sh: from a save to the verdict, with the runner's watch and with Maven, in one run.
#
#   runner/bench-watch.sh                       # about 10 minutes on 2 cores
#   SAVES=10 MAVEN_RUNS=10 runner/bench-watch.sh
#   MODULES="module-01-sync" CODE=starter runner/bench-watch.sh
#
# For each module, one step (below), and each kind of code (CODE: starter, solutions or both):
#   watch:  starts `../mvnw -q test-compile exec:exec@watch` on that step as a learner would, waits until
#           it is ready, then SAVES times: appends a comment line to a learner file of the step, and takes
#           the time from just before the write to the verdict watch prints (watch writes each verdict's
#           time to an events file, -Dkit.args="--events FILE"). Then stops watch (SIGTERM to its process
#           group, as Ctrl+C does) and checks that none of its processes is left.
#   Maven:  MAVEN_RUNS times: the same edit, then `../mvnw -q test -Dgroups=step-N.M`, timed whole.
# "starter" runs the learner's files as the kit hands them out (the step is red: the learner's usual
# state); "solutions" runs the finished files (-Psolutions; the step is green, its tests do their work).
# The learner files are restored at the end, whatever happens. Linux (GNU date).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SAVES=${SAVES:-10}
MAVEN_RUNS=${MAVEN_RUNS:-3}
CODE=${CODE:-both}
MODULES=${MODULES:-module-01-sync module-02-async module-03-event-loop module-04-pitfalls}

# module -> "step learner-file" (a file the step's tests run; the step's tests take well under a second)
declare -A CASE=(
  [module-01-sync]="1.1 workshop/sync/SyncEndpoints.java"
  [module-02-async]="2.4 workshop/async/AsyncAdapter.java"
  [module-03-event-loop]="3.5 workshop/loop/EventLoop.java"
  [module-04-pitfalls]="4.4 workshop/pitfalls/ComposedHandlers.java"
)

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
maximum() { sort -n | tail -1; }
seconds() { awk -v ms="$1" 'BEGIN { if (ms == "-") print "-"; else printf "%.2f s", ms / 1000 }'; }

WORK=$(mktemp -d)
declare -A ORIGINAL=()
restore() {
  for file in "${!ORIGINAL[@]}"; do cp "${ORIGINAL[$file]}" "$file"; done
  if [ -n "${WATCH_PGID:-}" ]; then kill -TERM -- "-$WATCH_PGID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap restore EXIT

remember() { # keeps a copy of a learner file, once
  local file=$1
  if [ -z "${ORIGINAL[$file]+x}" ]; then
    ORIGINAL[$file]="$WORK/original-${#ORIGINAL[@]}"
    cp "$file" "${ORIGINAL[$file]}"
  fi
}

lines() { [ -f "$1" ] && wc -l < "$1" || echo 0; }

bench_watch() { # module step file profile -> prints one time in ms per save
  local module=$1 step=$2 file=$3 profile=$4 events="$WORK/events-$1-$4" log="$WORK/watch-$1-$4.log"
  : > "$events"
  rm -f "$WORK/pgid"
  # A process group of its own, as a terminal gives a command: SIGTERM to the group is what Ctrl+C does.
  (cd "$module" && exec setsid bash -c 'echo $$ > "$0"; exec ../mvnw -q -B test-compile exec:exec@watch "$@"' \
      "$WORK/pgid" $profile -Dkit.args="--step $step --events $events --no-color" < /dev/null > "$log" 2>&1) &
  until [ -s "$WORK/pgid" ]; do sleep 0.05; done
  WATCH_PGID=$(cat "$WORK/pgid")
  local deadline=$(( $(now_ms) + 180000 ))
  until grep -q " ready " "$events" 2>/dev/null; do
    if [ "$(now_ms)" -gt "$deadline" ]; then echo "watch did not start; its output:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  sleep 2 # as a learner reads the first verdict: the worker is warm and idle
  for i in $(seq 1 "$SAVES"); do
    local before; before=$(lines "$events")
    local start; start=$(now_ms)
    printf '\n// bench-watch save %d\n' "$i" >> "$file"
    deadline=$(( start + 120000 ))
    until [ "$(lines "$events")" -gt "$before" ]; do
      if [ "$(now_ms)" -gt "$deadline" ]; then echo "no verdict after save $i; watch's output:" >&2; cat "$log" >&2; exit 1; fi
      sleep 0.02
    done
    local verdict; verdict=$(tail -1 "$events")
    echo $(( ${verdict%% *} - start ))
    echo "$verdict" >> "$WORK/verdicts"
    sleep 1
  done
  kill -TERM -- "-$WATCH_PGID" 2>/dev/null || true
  local left=0
  for _ in $(seq 1 100); do # up to 10 s for Maven, the runner and its test JVM to end
    left=$(pgrep -g "$WATCH_PGID" | wc -l || true)
    [ "$left" -eq 0 ] && break
    sleep 0.1
  done
  echo "left $left" >> "$WORK/left-$module-$profile"
  WATCH_PGID=
}

bench_maven() { # module step file profile -> prints one time in ms per run
  local module=$1 step=$2 file=$3 profile=$4
  for i in $(seq 1 "$MAVEN_RUNS"); do
    local start; start=$(now_ms)
    printf '\n// bench-watch maven %d\n' "$i" >> "$file"
    (cd "$module" && ../mvnw -q -B test -Dgroups="step-$step" $profile > "$WORK/maven.log" 2>&1) || true
    echo $(( $(now_ms) - start ))
  done
}

echo "bench-watch: $SAVES saves per case with watch, $MAVEN_RUNS runs with Maven; $(nproc) cores"
echo "load before: $(uptime | sed 's/.*load average: //')"
rows=()
for module in $MODULES; do
  read -r step relative <<< "${CASE[$module]}"
  for code in starter solutions; do
    if [ "$CODE" != both ] && [ "$CODE" != "$code" ]; then continue; fi
    if [ "$code" = starter ]; then profile=""; file="$module/src/exercise/java/$relative"; else
      profile="-Psolutions"; file="solutions/$module/src/exercise/java/$relative"; fi
    remember "$ROOT/$file"
    echo "  $module step $step, $code: watch..." >&2
    watch_ms=$(bench_watch "$module" "$step" "$ROOT/$file" "$profile")
    echo "  $module step $step, $code: Maven..." >&2
    maven_ms=$(bench_maven "$module" "$step" "$ROOT/$file" "$profile")
    verdict=$(tail -1 "$WORK/verdicts" | awk '{print $4}')
    left=$(tail -1 "$WORK/left-$module-$profile" | awk '{print $2}')
    rows+=("| $module | $step | $code ($verdict) | $(seconds "$(echo "$watch_ms" | median)") | $(seconds "$(echo "$watch_ms" | maximum)") | $(seconds "$(echo "$maven_ms" | median)") | $(seconds "$(echo "$maven_ms" | maximum)") | $left |")
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"
echo
echo "| module | step | code (verdict) | watch median | watch max | Maven median | Maven max | processes left |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "watch: save -> verdict, median and max of $SAVES saves; Maven: ../mvnw -q test -Dgroups=step-N.M after the same edit, $MAVEN_RUNS runs."
