#!/usr/bin/env bash
# Agent benchmark (root): the resident memory of the ztap agent (native, out/ztap) enforcing a
# generated estate of N policies (default 10,000, about 100,000 prefixes) with the eBPF backend:
# right after the first apply, and its peak (VmHWM), which includes reading and compiling; then
# the reload time the agent logs for each of seven edits of one policy file, and the resident
# memory after each.
# Uses a pin root, state and log folder of its own and removes them.
#
#   bench/scripts/agent-memory.sh [POLICIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "agent-memory.sh: needs root (BPF)" >&2; exit 1; }
bash scripts/install-deps.sh
source bench/scripts/lib-estate.sh

policies="${1:-10000}"
id="ztap-am-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
pins="/sys/fs/bpf/$id"
agent_pid=""
# The ztap to measure: the native binary unless ZTAP says otherwise (e.g. "dotnet src/Ztap.Cli/bin/Release/net10.0/ztap.dll").
ztap_command="${ZTAP:-out/ztap}"

ztap() { env ZTAP_PIN_ROOT="$pins" ZTAP_STATE_DIR="$work/state" ZTAP_LOG_DIR="$work/log" $ztap_command "$@"; }

# For background runs: exec makes the job's PID the agent's own, not a subshell's.
exec_ztap() { exec env ZTAP_PIN_ROOT="$pins" ZTAP_STATE_DIR="$work/state" ZTAP_LOG_DIR="$work/log" $ztap_command "$@"; }

cleanup() {
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null || true
  ztap enforce --remove >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

status_kib() { awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status"; }

dotnet build -c Release --nologo -v quiet bench/Ztap.Benchmarks >/dev/null
[ "$ztap_command" != out/ztap ] || [ -x out/ztap ] || bash scripts/publish.sh >&2
generate_estate "$policies" "$work/estate"

exec_ztap agent --backend ebpf -f "$work/estate/policies" -i "$work/estate/inventory.yaml" > "$work/agent.log" 2>&1 &
agent_pid=$!
until grep -q "applied policy version" "$work/agent.log" 2>/dev/null; do
  kill -0 "$agent_pid" 2>/dev/null || { cat "$work/agent.log" >&2; exit 1; }
  sleep 0.5
done

grep -o "applied policy version.*" "$work/agent.log"
echo "after the first apply: RSS $(status_kib "$agent_pid" VmRSS) KiB, peak $(status_kib "$agent_pid" VmHWM) KiB"
sleep 10
echo "10 s later: RSS $(status_kib "$agent_pid" VmRSS) KiB"

# Edits of one policy file, as people make them: a port range's end moved and moved back, seven
# times. The agent reloads each from what it kept; its log gives each reload's time (read,
# compile, install), and the resident memory is taken after each edit was applied.
first_file="$(ls "$work/estate/policies" | sort | head -1)"
for edit in 1 2 3 4 5 6 7; do
  if [ $((edit % 2)) -eq 1 ]; then from=9110 to=9111; else from=9111 to=9110; fi
  sed -i "0,/endPort: $from}/s//endPort: $to}/" "$work/estate/policies/$first_file"
  until [ "$(grep -c "applied policy version" "$work/agent.log")" -gt "$edit" ]; do
    kill -0 "$agent_pid" 2>/dev/null || { cat "$work/agent.log" >&2; exit 1; }
    sleep 0.25
  done
  sleep 2
  echo "edit $edit applied in $(grep -o "in [0-9]* ms" "$work/agent.log" | tail -1 | tr -dc 0-9) ms: RSS $(status_kib "$agent_pid" VmRSS) KiB, peak $(status_kib "$agent_pid" VmHWM) KiB"
done
