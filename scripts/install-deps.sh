#!/usr/bin/env bash
# Installs what building and testing the eBPF enforcer needs on a fresh Debian machine:
# clang (compiles bpf/), libbpf-dev (the BPF helper headers), bpftool (BTF and program
# inspection in tests and benchmarks), iproute2 (network namespaces in integration tests) and nftables (the nftables enforcer).
# libbpf1, the runtime library loaded through P/Invoke, comes with iproute2.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-packages.sh

ensure_packages \
  "clang:command:clang" \
  "libbpf-dev:file:/usr/include/bpf/bpf_helpers.h" \
  "bpftool:command:bpftool" \
  "iproute2:command:ip" \
  "libbpf1:file:/usr/lib/$(uname -m)-linux-gnu/libbpf.so.1" \
  "nftables:command:nft"
