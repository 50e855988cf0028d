#!/usr/bin/env bash
# Apply benchmark (root): generates an estate of N policies (default 10,000, about 100,000
# prefixes) and times compiling it, installing it with the eBPF backend, and installing updates
# that change one policy. Uses a pin root and state folder of its own and removes them.
#
#   bench/scripts/apply-times.sh [POLICIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "apply-times.sh: needs root (BPF)" >&2; exit 1; }
bash scripts/install-deps.sh
source bench/scripts/lib-estate.sh

policies="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build -c Release --nologo -v quiet bench/Ztap.Benchmarks >/dev/null
bench="dotnet bench/Ztap.Benchmarks/bin/Release/net10.0/Ztap.Benchmarks.dll"
generate_estate "$policies" "$work/estate"
$bench apply "$work/estate"
