#!/usr/bin/env bash
# nftables benchmark (root): for generated estates of 10 and 10,000 policies (about 100,000
# prefixes), and for 10 policies plus one that lets the client reach 100,000 separate /32
# ipBlocks (100,000 elements in one map), how long ztap takes to generate the ruleset (whole process, --dry-run), how long
# nft -f takes to load it in one transaction, and the TCP request/response rate between two
# network namespaces, each a host enforcing with the nftables backend, relative to no filtering
# in the same run. Client and server are pinned to one CPU.
#
#   bench/scripts/nftables-rr.sh [SECONDS]      (default 10 per run)
#
# Everything it creates (namespaces, files) carries a random id and is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/scripts/lib-netns.sh
[ "$(id -u)" -eq 0 ] || { echo "nftables-rr.sh: needs root (namespaces, nftables)" >&2; exit 1; }
bash scripts/install-deps.sh

seconds="${1:-10}"
id="ztap-nft-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
client_ip=10.255.0.1
server_ip=10.255.0.2
port=5001
server_pid=""
TIMEFORMAT='%R %U %S'

# ztap as the host of one side: inside its namespace, with its own state folder.
ztap_in() { local side=$1; shift; nsenter --net="/run/netns/$id-$side" env ZTAP_STATE_DIR="$work/state-$side" dotnet src/Ztap.Cli/bin/Release/net10.0/ztap.dll "$@"; }

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  netns_pair_remove
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the benchmark tools" >&2
clang -O2 -Wall -Werror -o "$work/ztap-rr" bench/rr/ztap-rr.c
dotnet build -c Release --nologo -v quiet src/Ztap.Cli >/dev/null
dotnet build -c Release --nologo -v quiet bench/Ztap.Benchmarks >/dev/null

netns_pair_create
# ztap-rr joins a cgroup: the root one, as nftables filters by address.
cgroup2="$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)"

# The estate, the two benchmark hosts, the policies that let them talk, and one egress rule of
# the client to every workload of the estate, so the client's maps hold the whole inventory.
estate() {
  local policies=${1%+partners} dir="$work/estate-$1"
  dotnet bench/Ztap.Benchmarks/bin/Release/net10.0/Ztap.Benchmarks.dll generate "$policies" "$dir" >/dev/null
  if [ "$1" != "$policies" ]; then
    python3 - "$dir/policies/partners.yaml" <<'PY'
import ipaddress, sys
base = int(ipaddress.ip_address("172.16.0.0"))
lines = ["apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy", "metadata: {name: partners, namespace: bench}", "spec:",
         "  podSelector: {matchLabels: {app: rr-client}}", "  policyTypes: [Egress]", "  egress:",
         "    - ports: [{protocol: TCP, port: 443}]", "      to:"]
# Every other address, so that no two blocks merge into one range.
lines += [f"        - ipBlock: {{cidr: {ipaddress.ip_address(base + 2 * i)}/32}}" for i in range(100000)]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
  fi
  cat >>"$dir/inventory.yaml" <<YAML
  - {name: rr-client, namespace: bench, ips: [$client_ip], labels: {app: rr-client}}
  - {name: rr-server, namespace: bench, ips: [$server_ip], labels: {app: rr-server}}
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
  egress:
    - {to: [{podSelector: {matchLabels: {app: rr-server}}}], ports: [{protocol: TCP, port: $port}]}
    - {to: [{namespaceSelector: {}}], ports: [{protocol: TCP, port: 443}]}
YAML
  echo "$dir"
}

rr "$cgroup2" "$cgroup2" >"$work/rate"; baseline="$(cat "$work/rate")"
echo "no filtering: $baseline transactions/s"
results=("no filtering|||$baseline|1.00")

for policies in 10 10000 10+partners; do
  dir="$(estate "$policies")"
  generate="$( { time ztap_in a enforce -f "$dir/policies" -i "$dir/inventory.yaml" --backend nftables --dry-run >"$work/client.nft" 2>/dev/null; } 2>&1 )"
  elements="$(grep -c ' : goto ' "$work/client.nft" || true)"
  nsenter --net="/run/netns/$id-a" nft -f "$work/client.nft"
  load="$( { time nsenter --net="/run/netns/$id-a" nft -f "$work/client.nft"; } 2>&1 )"
  ztap_in b enforce -f "$dir/policies" -i "$dir/inventory.yaml" --backend nftables >/dev/null 2>&1
  rr "$cgroup2" "$cgroup2" >"$work/rate"; rate="$(cat "$work/rate")"
  ratio="$(python3 -c "print('%.2f' % ($rate / $baseline))")"
  read -r greal guser gsys <<<"$generate"
  read -r lreal luser lsys <<<"$load"
  echo "nftables, $policies policies: generate ${greal}s (user+sys $(python3 -c "print('%.2f' % ($guser + $gsys))")s), $elements map elements on the client, replace with nft -f ${lreal}s (user+sys $(python3 -c "print('%.2f' % ($luser + $lsys))")s), $rate transactions/s ($ratio)"
  results+=("nftables, $policies policies|${greal}s|${lreal}s ($elements elements)|$rate|$ratio")
  ztap_in a enforce --remove --backend nftables >/dev/null
  ztap_in b enforce --remove --backend nftables >/dev/null
done

echo
echo "| setup | ztap enforce --dry-run (whole process) | nft -f replace | transactions/s | vs no filtering |"
echo "| --- | --- | --- | --- | --- |"
for row in "${results[@]}"; do IFS='|' read -r a b c d e <<<"$row"; echo "| $a | $b | $c | $d | $e |"; done
