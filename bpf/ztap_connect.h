/* connect() and unconnected sendmsg() of TCP and UDP sockets. A flow the packet programs would
 * drop fails here at once with EPERM instead of leaving connect() to retry SYNs for minutes.
 * The packet programs stay the authority: anything this hook cannot judge alone passes to them. */
#ifndef ZTAP_CONNECT_H
#define ZTAP_CONNECT_H

#define AF_INET 2
#define READ_FIELD(field) (*(volatile __u32 *)&(field))

static __always_inline int is_loopback(__u8 family, const __u8 *address)
{
	if (family == ZTAP_FAMILY_V4)
		return address[0] == 127;
	for (int i = 0; i < 15; i++)
		if (address[i])
			return 0;
	return address[15] == 1;
}

/* Whether conntrack knows the flow from the socket's bound address to the destination: an
 * unconnected UDP server answering with sendto, or connecting its socket to a client, replies
 * to a flow the packet programs already decided. A socket bound to no address is left to them. */
static __always_inline int known_flow(struct bpf_sock_addr *ctx, __u8 family, const __u8 *destination, __u16 port,
				      __u32 protocol)
{
	struct ztap_ct_key key = {};
	struct bpf_sock *sk = ctx->sk;
	__u32 words[4], source;

	if (!sk)
		return 0;
	/* Each field is read on its own: the verifier refuses arithmetic on socket pointers, which
	 * the compiler would otherwise produce to pick between two fields. */
	words[0] = READ_FIELD(sk->src_ip6[0]);
	words[1] = READ_FIELD(sk->src_ip6[1]);
	words[2] = READ_FIELD(sk->src_ip6[2]);
	words[3] = READ_FIELD(sk->src_ip6[3]);
	source = READ_FIELD(sk->src_ip4);
	if (family == ZTAP_FAMILY_V4) {
		if (READ_FIELD(sk->family) != AF_INET)
			source = words[3];
		__builtin_memcpy(key.local, &source, 4);
	} else {
		__builtin_memcpy(key.local, words, 16);
	}
	key.local_port = READ_FIELD(sk->src_port);
	__builtin_memcpy(key.remote, destination, 16);
	key.remote_port = port;
	key.family = family;
	key.protocol = protocol;
	key.cgroup = bpf_get_current_cgroup_id();
	return bpf_map_lookup_elem(&ztap_conntrack, &key) != NULL;
}

static __always_inline int connect_slot(struct bpf_sock_addr *ctx, __u8 family, const __u8 *destination, __u16 port,
					__u32 protocol, __u32 generation, const __u32 slot)
{
	struct ztap_settings *settings;
	struct decision d;
	struct flow f = {};
	__u64 cgroup = 0;

	settings = bpf_map_lookup_elem(&ztap_settings, &slot);
	f.source_identity = current_subject(slot, &cgroup);
	if (!settings || settings->mode == ZTAP_MODE_AUDIT || f.source_identity == ZTAP_NONE)
		return PASS;

	f.family = family;
	f.protocol = protocol;
	f.destination_port = port;
	f.source_unknown = 1;
	__builtin_memcpy(f.destination, destination, 16);
	f.destination_identity = identity_of(slot, family, destination);
	/* The source address may not be chosen yet: a peer of one of the workload's own identities
	 * may be the workload itself, which policies never block, so the packet programs decide it. */
	if (subject_has(slot, cgroup, f.destination_identity) || known_flow(ctx, family, destination, port, protocol))
		return PASS;

	decide(slot, &f, ZTAP_EGRESS, &d);
	if (d.verdict != ZTAP_VERDICT_DENY)
		return PASS;
	count(slot, &d, 0, generation);
	emit(&f, &d, ZTAP_EGRESS, cgroup, generation, 0);
	return DROP;
}

static __always_inline int handle_connect(struct bpf_sock_addr *ctx, __u8 family, const __u8 *destination, __u16 port,
					  __u32 protocol)
{
	__u32 generation;

	if ((protocol != IPPROTO_TCP && protocol != IPPROTO_UDP) || is_loopback(family, destination))
		return PASS;
	generation = active_generation();
	if (!generation)
		return PASS;
	return generation & 1 ? connect_slot(ctx, family, destination, port, protocol, generation, 1)
			      : connect_slot(ctx, family, destination, port, protocol, generation, 0);
}

static __always_inline int handle_v4(struct bpf_sock_addr *ctx)
{
	__u8 destination[16] = {};
	__u32 address = ctx->user_ip4;

	__builtin_memcpy(destination, &address, 4);
	return handle_connect(ctx, ZTAP_FAMILY_V4, destination, bpf_ntohs(ctx->user_port), ctx->protocol);
}

static __always_inline int handle_v6(struct bpf_sock_addr *ctx)
{
	__u32 words[4] = { ctx->user_ip6[0], ctx->user_ip6[1], ctx->user_ip6[2], ctx->user_ip6[3] };
	__u8 destination[16] = {};

	/* A dual-stack socket reaching an IPv4 peer (::ffff:a.b.c.d) sends IPv4 packets. */
	if (words[0] == 0 && words[1] == 0 && words[2] == bpf_htonl(0xffff)) {
		__builtin_memcpy(destination, &words[3], 4);
		return handle_connect(ctx, ZTAP_FAMILY_V4, destination, bpf_ntohs(ctx->user_port), ctx->protocol);
	}
	__builtin_memcpy(destination, words, 16);
	return handle_connect(ctx, ZTAP_FAMILY_V6, destination, bpf_ntohs(ctx->user_port), ctx->protocol);
}

SEC("cgroup/connect4")
int ztap_connect4(struct bpf_sock_addr *ctx)
{
	return handle_v4(ctx);
}

SEC("cgroup/connect6")
int ztap_connect6(struct bpf_sock_addr *ctx)
{
	return handle_v6(ctx);
}

SEC("cgroup/sendmsg4")
int ztap_sendmsg4(struct bpf_sock_addr *ctx)
{
	return handle_v4(ctx);
}

SEC("cgroup/sendmsg6")
int ztap_sendmsg6(struct bpf_sock_addr *ctx)
{
	return handle_v6(ctx);
}

#endif
