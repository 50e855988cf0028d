#!/usr/bin/env bash
# Whole-process benchmark of `ztap validate`: wall time and peak memory of the native binary
# on generated sets of 100 and 10,000 ztap/v1 policies (bench/scripts/generate_policies.py).
#
#   bench/scripts/cli-validate.sh [--runs N]
#
# Builds out/ztap with scripts/publish.sh when it is missing. Targets: 100 policies under
# 30 ms and 20 MB; 10,000 policies under 300 ms and 50 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/ensure-packages.sh

runs=20
if [ "${1:-}" = "--runs" ]; then runs="$2"; fi

ensure_packages "hyperfine:command:hyperfine" "time:file:/usr/bin/time"
[ -x out/ztap ] || bash scripts/publish.sh

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Wall time means little on a busy machine; CPU time (user + sys) is reported beside it.
read -r load _ < /proc/loadavg
if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > c) }'; then
  echo "warning: load average $load on $(nproc) cores; wall times will be inflated" >&2
fi

printf '%-9s %-6s %-10s %-10s %-11s %-12s %s\n' POLICIES FILES MEAN_MS MIN_MS MIN_CPU_MS PEAK_RSS_MB TARGET
for spec in "100:30:20" "10000:300:50"; do
  IFS=: read -r count target_ms target_mb <<<"$spec"
  dir="$work/set-$count"
  python3 bench/scripts/generate_policies.py "$count" "$dir"
  files=$(find "$dir/policies" -name '*.yaml' | wc -l)

  # A valid set must validate; anything else would measure an error path.
  out/ztap validate -f "$dir/policies" >/dev/null

  hyperfine --style none --warmup 3 --runs "$runs" --export-json "$work/h.json" \
    "out/ztap validate -f $dir/policies" >/dev/null
  read -r mean min < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f %.1f" % (r["mean"] * 1000, r["min"] * 1000))' "$work/h.json")

  peak_kb=0
  cpu_ms=""
  for _ in 1 2 3 4 5; do
    read -r kb cpu < <(/usr/bin/time -f '%M %U %S' out/ztap validate -f "$dir/policies" 2>&1 >/dev/null | tail -1 |
      awk '{ printf "%d %.0f\n", $1, ($2 + $3) * 1000 }')
    [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
    if [ -z "$cpu_ms" ] || [ "$cpu" -lt "$cpu_ms" ]; then cpu_ms=$cpu; fi
  done
  peak_mb=$(awk -v kb="$peak_kb" 'BEGIN { printf "%.1f", kb / 1024 }')

  verdict=$(awk -v m="$mean" -v t="$target_ms" -v p="$peak_mb" -v u="$target_mb" \
    'BEGIN { print (m < t && p < u) ? "met" : "MISSED" }')
  printf '%-9s %-6s %-10s %-10s %-11s %-12s %s\n' "$count" "$files" "$mean" "$min" "$cpu_ms" "$peak_mb" \
    "<${target_ms} ms, <${target_mb} MB: $verdict"
done
