#!/usr/bin/env bash
# Runs the whole test suite and ends with one line: "N passed, N failed, N skipped",
# counted from the test results. Exits non-zero when a test fails or the build breaks.
set -uo pipefail
cd "$(dirname "$0")/.."

# The eBPF datapath is compiled by the build and exercised by the integration tests.
bash scripts/install-deps.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet test Ztap.slnx -c Release --nologo --logger "trx" --results-directory "$results"
status=$?

# Each TRX file has one <Counters total=".." executed=".." passed=".." failed=".." .../>;
# skipped tests are the ones counted in total but not executed.
summary="$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  function count(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) : 0 }
  { passed += count("passed"); failed += count("failed") + count("error") + count("timeout") + count("aborted"); skipped += count("total") - count("executed") }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }')"

if [ "$status" -ne 0 ] && [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then
  echo "the tests did not run (build failed?)" >&2
fi
echo "$summary"
exit "$status"
