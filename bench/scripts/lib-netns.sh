# Sourced by the benchmarks that run between two hosts: network namespaces "$id-a" (the client,
# $client_ip) and "$id-b" (the server, $server_ip) joined by a veth pair. The caller sets id,
# client_ip and server_ip, and for rr also work, port, seconds and server_pid.

netns_pair_create() {
  ip netns add "$id-a"
  ip netns add "$id-b"
  ip link add "${id#ztap-}a" netns "$id-a" type veth peer name "${id#ztap-}b" netns "$id-b"
  for side in a b; do
    ip -n "$id-$side" link set lo up
    ip -n "$id-$side" link set "${id#ztap-}$side" up
  done
  ip -n "$id-a" addr add "$client_ip/24" dev "${id#ztap-}a"
  ip -n "$id-b" addr add "$server_ip/24" dev "${id#ztap-}b"
}

netns_pair_remove() {
  ip netns del "$id-a" 2>/dev/null || true
  ip netns del "$id-b" 2>/dev/null || true
}

# One request/response run: a fresh server in cgroup $2, one client connection from cgroup $1 for
# $seconds, client and server pinned to CPU 1; prints the rate. Needs $work/ztap-rr.
rr() {
  : >"$work/server.out"
  taskset -c 1 "$work/ztap-rr" "$2" "/run/netns/$id-b" server "$server_ip" "$port" >"$work/server.out" &
  server_pid=$!
  for _ in $(seq 100); do grep -q ready "$work/server.out" && break; sleep 0.05; done
  grep -q ready "$work/server.out" || { echo "server did not start" >&2; exit 1; }
  taskset -c 1 "$work/ztap-rr" "$1" "/run/netns/$id-a" client "$server_ip" "$port" "$seconds"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
