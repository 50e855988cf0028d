#!/usr/bin/env bash
# What logging denied packets costs with the nftables backend (root). A client host (a network
# namespace enforcing with the nftables backend) floods a destination its egress policy denies with
# one-byte UDP datagrams from one thread for SECONDS; each is dropped in the output hook. Runs:
# the table without --log-denied, with it at the default rate limit (100/s: nearly every packet is
# only counted), and with a limit no flood reaches (every packet logged and read). For each: the
# sender's packets/s and CPU microseconds per packet, and the reader's records, losses and CPU per
# record. The sender is pinned to one CPU.
#
#   bench/scripts/nftables-nflog.sh [SECONDS]      (default 5 per run)
#
# Everything it creates (namespaces, files) carries a random id and is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/scripts/lib-netns.sh
[ "$(id -u)" -eq 0 ] || { echo "nftables-nflog.sh: needs root (namespaces, nftables, NFLOG)" >&2; exit 1; }
bash scripts/install-deps.sh

seconds="${1:-5}"
id="ztap-nflog-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
client_ip=10.255.0.1
server_ip=10.255.0.2
reader_pid=""

cleanup() {
  [ -n "$reader_pid" ] && kill "$reader_pid" 2>/dev/null && wait "$reader_pid" 2>/dev/null || true
  netns_pair_remove
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the benchmark tools" >&2
clang -O2 -Wall -Werror -o "$work/ztap-flood" bench/rr/ztap-flood.c
dotnet build -c Release --nologo -v quiet bench/Ztap.Benchmarks >/dev/null

netns_pair_create

mkdir -p "$work/estate/policies"
cat >"$work/estate/inventory.yaml" <<YAML
namespaces: [{name: bench}]
workloads:
  - {name: flood-client, namespace: bench, ips: [$client_ip], labels: {app: flood-client}}
  - {name: flood-server, namespace: bench, ips: [$server_ip], labels: {app: flood-server}}
YAML
cat >"$work/estate/policies/client.yaml" <<YAML
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: flood-client, namespace: bench}
spec:
  podSelector: {matchLabels: {app: flood-client}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: flood-server}}}], ports: [{protocol: TCP, port: 443}]}]
YAML

# One run: apply with the given log rate (0: no logging), read for the flood's time plus a margin.
run() {
  local rate=$1
  : >"$work/reader.out"
  dotnet bench/Ztap.Benchmarks/bin/Release/net10.0/Ztap.Benchmarks.dll nflog "/run/netns/$id-a" "$work/estate" "$rate" "$((seconds + 2))" >"$work/reader.out" &
  reader_pid=$!
  for _ in $(seq 200); do grep -q ready "$work/reader.out" && break; sleep 0.05; done
  grep -q ready "$work/reader.out" || { echo "reader did not start" >&2; exit 1; }
  read -r sent refused cpu_us <<<"$(taskset -c 1 "$work/ztap-flood" "/run/netns/$id-a" "$client_ip" "$server_ip" 9 "$seconds")"
  wait "$reader_pid"; reader_pid=""
  read -r _ records _ lost _ denied _ suppressed _ reader_cpu _ per_record <<<"$(grep records "$work/reader.out")"
  echo "$sent|$refused|$cpu_us|$records|$lost|$denied|$suppressed|$reader_cpu|$per_record"
}

echo "| table in force | sent/s | refused/s | sender CPU µs/packet | records read | lost | denied (counter) | over the limit (counter) | reader CPU s | reader CPU µs/record |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for setup in "no logging:0" "--log-denied (100/s, burst 100):100" "logging every packet:100000000"; do
  IFS='|' read -r sent refused cpu_us records lost denied suppressed reader_cpu per_record <<<"$(run "${setup#*:}")"
  echo "| ${setup%:*} | $sent | $refused | $cpu_us | $records | $lost | $denied | $suppressed | $reader_cpu | $per_record |"
done
