#!/usr/bin/env bash
# Known mistakes stay red (KIT-GUIDE.md, 4b). Each folder here holds one wrong version of a
# learner file and an `expect` file: the step it must turn red, and the words the learner must
# read. For each folder, this builds module 03 with the finished learner files, the wrong one
# swapped in, runs that step's tests, and checks that they fail with those words.
#   solutions/module-03-event-loop/wrong/check.sh                 # every variant
#   solutions/module-03-event-loop/wrong/check.sh 3.3-sleep-keeps-its-timer   # one variant
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kit=$(cd "$here/../../.." && pwd)
finished=$kit/solutions/module-03-event-loop/src/exercise/java
variants=("$@")
if [ ${#variants[@]} -eq 0 ]; then
  for dir in "$here"/*/; do variants+=("$(basename "$dir")"); done
fi
status=0
for name in "${variants[@]}"; do
  dir=$here/$name
  step=$(sed -n 's/^step: //p' "$dir/expect")
  words=$(sed -n 's/^message: //p' "$dir/expect")
  room=$(mktemp -d)
  cp -r "$finished/." "$room/"
  cp "$dir"/*.java "$room/workshop/loop/"
  log=$room/test.log
  reports=$kit/module-03-event-loop/target/surefire-reports
  rm -rf "$reports" # this run's reports only: a stale report from another variant would list tests that did not run
  start=$(date +%s)
  (cd "$kit/module-03-event-loop" && ../mvnw -q -B test -Dlearner.dir="$room" -Dgroups="step-$step") >"$log" 2>&1
  built=$?
  took=$(( $(date +%s) - start ))
  if [ $built -eq 0 ]; then
    echo "FAIL $name: step $step stayed green (log: $log)"
    status=1
  elif grep -qF -- "$words" "$log"; then
    echo "ok   $name: step $step red in ${took} s (build included), with: $words"
    grep -m1 -A2 -F -- "$words" "$log" | sed "s/^ */       | /" | cut -c1-400
    grep -h -o 'testcase name="[^"]*" classname="[^"]*" time="[^"]*"' "$reports"/TEST-*.xml \
      | sed 's/^/       /'
    rm -rf "$room"
  else
    echo "FAIL $name: step $step red, but not with: $words (log: $log)"
    status=1
  fi
done
exit $status
