/* connect() and unconnected sendmsg() of TCP and UDP sockets. A flow the packet programs would
 * drop fails here at once with EPERM instead of leaving connect() to retry SYNs for minutes.
 * The packet programs stay the authority: anything this hook cannot judge alone passes to them. */
#ifndef ZTAP_CONNECT_H
#define ZTAP_CONNECT_H

static __always_inline int is_loopback(__u8 family, const __u8 *address)
{
	if (family == ZTAP_FAMILY_V4)
		return address[0] == 127;
	for (int i = 0; i < 15; i++)
		if (address[i])
			return 0;
	return address[15] == 1;
}

static __always_inline int handle_connect(__u8 family, const __u8 *destination, __u16 port, __u32 protocol)
{
	struct ztap_settings *settings;
	struct decision d;
	struct flow f = {};
	__u32 generation, slot;
	__u64 cgroup = 0;

	if ((protocol != IPPROTO_TCP && protocol != IPPROTO_UDP) || is_loopback(family, destination))
		return PASS;
	generation = active_generation();
	if (!generation)
		return PASS;
	slot = generation & 1;
	settings = bpf_map_lookup_elem(&ztap_settings, &slot);
	f.source_identity = current_subject(slot, &cgroup);
	if (!settings || settings->mode == ZTAP_MODE_AUDIT || f.source_identity == ZTAP_NONE)
		return PASS;

	f.family = family;
	f.protocol = protocol;
	f.destination_port = port;
	__builtin_memcpy(f.destination, destination, 16);
	f.destination_identity = identity_of(slot, family, destination);
	/* The source address is not chosen yet: a peer of the socket's own identity may be the
	 * workload itself, which policies never block, so the packet programs decide that one. */
	if (f.destination_identity == f.source_identity)
		return PASS;

	decide(slot, &f, ZTAP_EGRESS, &d);
	if (d.verdict == ZTAP_VERDICT_ALLOW)
		return PASS;
	count(slot, &d, 0);
	emit(&f, &d, ZTAP_EGRESS, cgroup, generation, 0);
	return DROP;
}

static __always_inline int handle_v4(struct bpf_sock_addr *ctx)
{
	__u8 destination[16] = {};
	__u32 address = ctx->user_ip4;

	__builtin_memcpy(destination, &address, 4);
	return handle_connect(ZTAP_FAMILY_V4, destination, bpf_ntohs(ctx->user_port), ctx->protocol);
}

static __always_inline int handle_v6(struct bpf_sock_addr *ctx)
{
	__u32 words[4] = { ctx->user_ip6[0], ctx->user_ip6[1], ctx->user_ip6[2], ctx->user_ip6[3] };
	__u8 destination[16] = {};

	/* A dual-stack socket reaching an IPv4 peer (::ffff:a.b.c.d) sends IPv4 packets. */
	if (words[0] == 0 && words[1] == 0 && words[2] == bpf_htonl(0xffff)) {
		__builtin_memcpy(destination, &words[3], 4);
		return handle_connect(ZTAP_FAMILY_V4, destination, bpf_ntohs(ctx->user_port), ctx->protocol);
	}
	__builtin_memcpy(destination, words, 16);
	return handle_connect(ZTAP_FAMILY_V6, destination, bpf_ntohs(ctx->user_port), ctx->protocol);
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
