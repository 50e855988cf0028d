#!/usr/bin/env bash
# Metrics scrape benchmark (root): generates an estate of N policies (default 10,000), installs
# it with the eBPF backend, and times whole scrapes: reading every policy's counters from the
# kernel, then rendering /metrics. Uses a pin root and state folder of its own and removes them.
#
#   bench/scripts/scrape-times.sh [POLICIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "scrape-times.sh: needs root (BPF)" >&2; exit 1; }
bash scripts/install-deps.sh
source bench/scripts/lib-estate.sh

policies="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build -c Release --nologo -v quiet bench/Ztap.Benchmarks >/dev/null
bench="dotnet bench/Ztap.Benchmarks/bin/Release/net10.0/Ztap.Benchmarks.dll"
generate_estate "$policies" "$work/estate"
$bench scrape "$work/estate"
