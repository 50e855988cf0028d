#!/usr/bin/env bash
# Datapath benchmark (root): TCP request/response rate between two network namespaces, client
# and server pinned to one CPU, with no filtering, with ztap enforcing generated estates of
# 10 and 10,000 policies (about 100,000 prefixes), and with 10,000 linear iptables rules; plus
# the eBPF programs' own cost per run from the kernel's BPF statistics.
#
#   bench/scripts/datapath-rr.sh [SECONDS]      (default 10 per run)
#
# Everything it creates (namespaces, cgroups, pins, files) carries a random id and is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/ensure-packages.sh
source bench/scripts/lib-estate.sh
source bench/scripts/lib-netns.sh
[ "$(id -u)" -eq 0 ] || { echo "datapath-rr.sh: needs root (namespaces, cgroups, BPF)" >&2; exit 1; }
bash scripts/install-deps.sh
ensure_packages "iptables:command:iptables"

seconds="${1:-10}"
id="ztap-rr-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
cgroup2="$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)"
cgroups="$cgroup2/$id"
pins="/sys/fs/bpf/$id"
client_ip=10.255.0.1
server_ip=10.255.0.2
port=5001
server_pid=""

ztap() { ZTAP_PIN_ROOT="$pins" ZTAP_STATE_DIR="$work/state" dotnet src/Ztap.Cli/bin/Release/net10.0/ztap.dll "$@"; }

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  ztap enforce --remove >/dev/null 2>&1 || true
  nsenter --net="/run/netns/$id-b" iptables -F INPUT 2>/dev/null || true
  netns_pair_remove
  sleep 0.2
  rmdir "$cgroups/client" "$cgroups/server" "$cgroups" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the benchmark tools" >&2
clang -O2 -Wall -Werror -o "$work/ztap-rr" bench/rr/ztap-rr.c
dotnet build -c Release --nologo -v quiet src/Ztap.Cli >/dev/null
dotnet build -c Release --nologo -v quiet bench/Ztap.Benchmarks >/dev/null

netns_pair_create
mkdir -p "$cgroups/client" "$cgroups/server"

# The estate, plus the two benchmark workloads and the policies that let them talk.
estate() {
  local policies=$1 dir="$work/estate-$1"
  generate_estate "$policies" "$dir"
  cat >>"$dir/inventory.yaml" <<YAML
  - {name: rr-client, namespace: bench, ips: [$client_ip], labels: {app: rr-client}, cgroup: $id/client}
  - {name: rr-server, namespace: bench, ips: [$server_ip], labels: {app: rr-server}, cgroup: $id/server}
YAML
  cat >"$dir/policies/rr.yaml" <<YAML
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: rr-server, namespace: bench}
spec:
  podSelector: {matchLabels: {app: rr-server}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {matchLabels: {app: rr-client}}}], ports: [{protocol: TCP, port: $port}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: rr-client, namespace: bench}
spec:
  podSelector: {matchLabels: {app: rr-client}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: rr-server}}}], ports: [{protocol: TCP, port: $port}]}]
YAML
  echo "$dir"
}

# run_time_ns / run_cnt of a program behind one of our pinned links.
cost() {
  local link="$1" prog
  prog="$(bpftool -j link show pinned "$link" | python3 -c 'import json,sys; print(json.load(sys.stdin)["prog_id"])')"
  bpftool -j prog show id "$prog" | python3 -c 'import json,sys; p=json.load(sys.stdin); print("%.0f" % (p.get("run_time_ns",0)/max(p.get("run_cnt",0),1)), p.get("run_cnt",0))'
}

sysctl -qw kernel.bpf_stats_enabled=1
rr "$cgroups/client" "$cgroups/server" >"$work/rate"; baseline="$(cat "$work/rate")"
echo "no filtering: $baseline transactions/s"
results=("no filtering|$baseline|1.00|")

for policies in 10 10000; do
  dir="$(estate "$policies")"
  ztap enforce -f "$dir/policies" -i "$dir/inventory.yaml" >/dev/null
  client_cgroup_id="$(stat -c %i "$cgroups/client")"
  server_cgroup_id="$(stat -c %i "$cgroups/server")"
  rr "$cgroups/client" "$cgroups/server" >"$work/rate"; rate="$(cat "$work/rate")"
  egress="$(cost "$pins/links/$client_cgroup_id-ztap_egress")"
  ingress="$(cost "$pins/links/$server_cgroup_id-ztap_ingress")"
  prefixes="$(ztap status -o json | python3 -c 'import json,sys; print([m["entries"] for m in json.load(sys.stdin)["maps"] if m["name"]=="ipcache"][0])')"
  ratio="$(python3 -c "print('%.2f' % ($rate / $baseline))")"
  echo "ztap, $policies policies ($prefixes prefixes): $rate transactions/s ($ratio); egress ${egress% *} ns/run over ${egress#* } runs, ingress ${ingress% *} ns/run over ${ingress#* } runs"
  results+=("ztap, $policies policies, $prefixes prefixes|$rate|$ratio|egress ${egress% *} ns, ingress ${ingress% *} ns")
  ztap enforce --remove >/dev/null
done

{ echo "*filter"; echo ":INPUT ACCEPT [0:0]"
  for i in $(seq 0 9999); do echo "-A INPUT -s 192.0.$((i / 250)).$((i % 250 + 1))/32 -p tcp --dport $((10000 + i % 50000)) -j DROP"; done
  echo "COMMIT"; } >"$work/iptables.rules"
nsenter --net="/run/netns/$id-b" iptables-restore <"$work/iptables.rules"
rr "$cgroups/client" "$cgroups/server" >"$work/rate"; rate="$(cat "$work/rate")"
ratio="$(python3 -c "print('%.2f' % ($rate / $baseline))")"
echo "iptables ($(iptables -V)), 10,000 linear rules: $rate transactions/s ($ratio)"
results+=("iptables, 10,000 linear rules|$rate|$ratio|")
nsenter --net="/run/netns/$id-b" iptables -F INPUT
sysctl -qw kernel.bpf_stats_enabled=0

echo
echo "| setup | transactions/s | vs no filtering | BPF program cost per run |"
echo "| --- | --- | --- | --- |"
for row in "${results[@]}"; do IFS='|' read -r a b c d <<<"$row"; echo "| $a | $b | $c | $d |"; done
