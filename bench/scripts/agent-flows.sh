#!/usr/bin/env bash
# Agent benchmark (root): the CPU the ztap agent (native, out/ztap) spends while new flows pass
# through it. A client in one network namespace and cgroup opens RATE TCP connections a second to
# a server in another (one in ten to a port the policies deny); each is an eBPF verdict event on
# the client's egress and the server's ingress, which the agent reads, aggregates and writes to
# its flow log. CPU is user+system time from /proc/PID/stat over the run, after a warm-up; the
# same is measured with no traffic for comparison.
#
#   bench/scripts/agent-flows.sh [SECONDS] [RATE]      (defaults: 30 s, 1000 flows/s)
#
# Everything it creates (namespaces, cgroups, pins, files) carries a random id and is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/scripts/lib-netns.sh
[ "$(id -u)" -eq 0 ] || { echo "agent-flows.sh: needs root (namespaces, cgroups, BPF)" >&2; exit 1; }
bash scripts/install-deps.sh

seconds="${1:-30}"
rate="${2:-1000}"
id="ztap-af-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
cgroup2="$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)"
cgroups="$cgroup2/$id"
pins="/sys/fs/bpf/$id"
client_ip=10.254.0.1
server_ip=10.254.0.2
port=5001
denied_port=5002
server_pid=""
agent_pid=""
# The ztap to measure: the native binary unless ZTAP says otherwise (e.g. "dotnet src/Ztap.Cli/bin/Release/net10.0/ztap.dll").
ztap_command="${ZTAP:-out/ztap}"
ticks="$(getconf CLK_TCK)"

ztap() { env ZTAP_PIN_ROOT="$pins" ZTAP_STATE_DIR="$work/state" ZTAP_LOG_DIR="$work/log" $ztap_command "$@"; }

# For background runs: exec makes the job's PID the agent's own, not a subshell's.
exec_ztap() { exec env ZTAP_PIN_ROOT="$pins" ZTAP_STATE_DIR="$work/state" ZTAP_LOG_DIR="$work/log" $ztap_command "$@"; }

cleanup() {
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  ztap enforce --remove >/dev/null 2>&1 || true
  netns_pair_remove
  sleep 0.2
  rmdir "$cgroups/client" "$cgroups/server" "$cgroups" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# user+system clock ticks the process has used so far (fields 14 and 15 of /proc/PID/stat).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# Percent of one core the agent used over the given seconds.
measure() {
  local before after
  before="$(cpu_ticks "$agent_pid")"
  sleep "$1"
  after="$(cpu_ticks "$agent_pid")"
  awk -v t="$((after - before))" -v hz="$ticks" -v s="$1" 'BEGIN { printf "%.2f", 100 * t / hz / s }'
}

echo "building the benchmark tools" >&2
clang -O2 -Wall -Werror -o "$work/ztap-flows" bench/flows/ztap-flows.c
[ "$ztap_command" != out/ztap ] || [ -x out/ztap ] || bash scripts/publish.sh >&2

netns_pair_create
mkdir -p "$cgroups/client" "$cgroups/server" "$work/policies"

cat > "$work/inventory.yaml" <<YAML
workloads:
  - {name: client, namespace: bench, labels: {app: client}, ips: [$client_ip], cgroup: $id/client}
  - {name: server, namespace: bench, labels: {app: server}, ips: [$server_ip], cgroup: $id/server}
YAML
cat > "$work/policies/bench.yaml" <<YAML
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-egress, namespace: bench}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: server}}}]
      ports: [{protocol: TCP, port: $port}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-ingress, namespace: bench}
spec:
  podSelector: {matchLabels: {app: server}}
  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {matchLabels: {app: client}}}]
      ports: [{protocol: TCP, port: $port}]
YAML

"$work/ztap-flows" "$cgroups/server" "/run/netns/$id-b" server "$server_ip" "$port" > "$work/server.out" &
server_pid=$!
until grep -q ready "$work/server.out" 2>/dev/null; do sleep 0.1; done

exec_ztap agent -f "$work/policies" -i "$work/inventory.yaml" > "$work/agent.log" 2>&1 &
agent_pid=$!
until grep -q "applied policy version" "$work/agent.log" 2>/dev/null; do
  kill -0 "$agent_pid" 2>/dev/null || { cat "$work/agent.log" >&2; exit 1; }
  sleep 0.2
done

sleep 2
idle="$(measure 10)"
echo "agent idle: ${idle}% of one core over 10 s, RSS $(rss_kib "$agent_pid") KiB"

"$work/ztap-flows" "$cgroups/client" "/run/netns/$id-a" client "$server_ip" "$port" "$denied_port" "$rate" "$((seconds + 5))" > "$work/client.out" &
client_pid=$!
sleep 5
busy="$(measure "$seconds")"
rss="$(rss_kib "$agent_pid")"
wait "$client_pid"
sleep 2
kill -TERM "$agent_pid"
wait "$agent_pid" || true
agent_pid=""

records="$(cat "$work"/log/flows.jsonl* | wc -l)"
echo "client: $(cat "$work/client.out") in $((seconds + 5)) s"
echo "agent at $rate new flows/s: ${busy}% of one core over $seconds s, RSS $rss KiB"
echo "flow log: $records records; agent's report: $(grep -o 'flows: .*' "$work/agent.log" | tail -1)"
