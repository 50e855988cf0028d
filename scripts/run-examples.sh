#!/usr/bin/env bash
# Builds the native ztap binary (scripts/publish.sh) and runs it on the examples: validates
# the policies, explains one allowed and one denied flow, and decides examples/flows.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/publish.sh

policies=(-f examples/policies examples/kubernetes)
inventory=(-i examples/inventory.yaml)

# Prints the command, runs it and shows its exit code; a denied flow (exit 1) is an answer,
# not a failure, so only codes above 1 stop the script.
run() {
  echo
  echo "\$ ztap $*"
  local code=0
  out/ztap "$@" || code=$?
  echo "(exit code $code)"
  [ "$code" -le 1 ] || exit "$code"
}

run validate "${policies[@]}"
run check "${policies[@]}" "${inventory[@]}" --from web-1 --to db-1 --port 5432
run check "${policies[@]}" "${inventory[@]}" --from web-1 --to web-2 --port 22
run check "${policies[@]}" "${inventory[@]}" --flows examples/flows.csv
