#!/usr/bin/env bash
# check-page.sh: runs the kit's race, then opens its page for a projector (race/target/race.html)
# in a real browser, headless Chromium, and checks it: the page loads with no console error, and
# its SVG holds one lane per model with one bar per request. It saves race/target/race.png.
#
#   race/check-page.sh                         # the default race, then the check
#   race/check-page.sh --requests 1000         # any race options
#
# Without Chromium or Chrome it says so and exits 0: the kit's build and tests never need a browser.
# On Debian/Ubuntu: apt-get install chromium (or point CHROME at a Chrome or Chromium binary).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl race compile exec:exec@race exec:exec@check-page -Dkit.args="$*"
