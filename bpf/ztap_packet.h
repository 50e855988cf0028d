/* Reading a packet as a cgroup_skb program sees it: from the IP header, in both directions.
 * Egress packets are seen before fragmentation and ingress packets after reassembly, so a
 * transport header is always there unless the protocol has none. */
#ifndef ZTAP_PACKET_H
#define ZTAP_PACKET_H

#define IPV6_MAX_EXTENSION_HEADERS 4

struct packet {
	__u8 source[16];
	__u8 destination[16];
	__u16 source_port;      /* host order; 0 for protocols without ports */
	__u16 destination_port;
	__u16 echo_id;          /* ICMP echo identifier: the conntrack "port" of both ends */
	__u8 family;
	__u8 protocol;          /* ICMPv6 is reported as ICMP, as policies know one ICMP */
	__u8 tcp_flags;
	__u8 link_local_control; /* neighbour discovery, never subject to policy */
	__u32 bytes;
};

static __always_inline int load_transport(struct __sk_buff *skb, __u32 offset, __u8 wire_protocol,
					  struct packet *p)
{
	__u8 header[14];

	switch (wire_protocol) {
	case IPPROTO_TCP:
		if (bpf_skb_load_bytes(skb, offset, header, 14) < 0)
			return 0;
		p->tcp_flags = header[13];
		break;
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
		if (bpf_skb_load_bytes(skb, offset, header, 4) < 0)
			return 0;
		break;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6_WIRE:
		if (bpf_skb_load_bytes(skb, offset, header, 8) < 0)
			return 0;
		if (header[0] == ICMP_ECHO_REQUEST || header[0] == ICMP_ECHO_REPLY ||
		    header[0] == ICMPV6_ECHO_REQUEST || header[0] == ICMPV6_ECHO_REPLY)
			p->echo_id = ((__u16)header[4] << 8) | header[5];
		if (wire_protocol == IPPROTO_ICMPV6_WIRE && header[0] >= ICMPV6_ND_FIRST &&
		    header[0] <= ICMPV6_ND_LAST)
			p->link_local_control = 1;
		p->protocol = IPPROTO_ICMP;
		return 1;
	default:
		return 1;
	}
	p->source_port = ((__u16)header[0] << 8) | header[1];
	p->destination_port = ((__u16)header[2] << 8) | header[3];
	return 1;
}

static __always_inline int parse_v4(struct __sk_buff *skb, struct packet *p)
{
	struct iphdr ip;

	if (bpf_skb_load_bytes(skb, 0, &ip, sizeof(ip)) < 0)
		return 0;
	p->family = ZTAP_FAMILY_V4;
	p->protocol = ip.protocol;
	__builtin_memcpy(p->source, &ip.saddr, 4);
	__builtin_memcpy(p->destination, &ip.daddr, 4);
	if (ip.frag_off & bpf_htons(0x1fff))
		return 1;
	return load_transport(skb, ip.ihl * 4, ip.protocol, p);
}

static __always_inline int parse_v6(struct __sk_buff *skb, struct packet *p)
{
	struct ipv6hdr ip;
	__u32 offset = sizeof(ip);
	__u8 next;

	if (bpf_skb_load_bytes(skb, 0, &ip, sizeof(ip)) < 0)
		return 0;
	p->family = ZTAP_FAMILY_V6;
	__builtin_memcpy(p->source, &ip.saddr, 16);
	__builtin_memcpy(p->destination, &ip.daddr, 16);
	next = ip.nexthdr;

#pragma unroll
	for (int i = 0; i < IPV6_MAX_EXTENSION_HEADERS; i++) {
		__u8 ext[4];

		if (next != IPPROTO_HOPOPTS && next != IPPROTO_ROUTING && next != IPPROTO_DSTOPTS &&
		    next != IPPROTO_FRAGMENT)
			break;
		if (bpf_skb_load_bytes(skb, offset, ext, 4) < 0)
			return 0;
		if (next == IPPROTO_FRAGMENT) {
			next = ext[0];
			if ((((__u16)ext[2] << 8) | ext[3]) & 0xfff8) {
				p->protocol = next;
				return 1;
			}
			offset += 8;
		} else {
			next = ext[0];
			offset += ((__u32)ext[1] + 1) * 8;
		}
	}
	p->protocol = next;
	return load_transport(skb, offset, next, p);
}

/* Returns 0 for anything that is not IP, which ztap leaves alone. A global function, so its
 * branches are verified once rather than on every path of the programs that call it. */
__noinline int parse_packet(struct __sk_buff *skb, struct packet *p)
{
	if (!p)
		return 0;
	p->bytes = skb->len;
	if (skb->protocol == bpf_htons(ETH_P_IP))
		return parse_v4(skb, p);
	if (skb->protocol == bpf_htons(ETH_P_IPV6))
		return parse_v6(skb, p);
	return 0;
}

static __always_inline int is_new_tcp_connection(const struct packet *p)
{
	return p->protocol == IPPROTO_TCP && (p->tcp_flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == TCP_FLAG_SYN;
}

/* Whether a packet of a TCP socket may open a connection (a SYN without ACK), read straight from
 * the packet's linear head; 1 too when the head does not hold the headers, so the caller takes
 * the full path rather than guess. */
static __always_inline int may_open_tcp(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	__u8 *header = data;
	__u8 *flags;
	__u32 offset;

	if (data + sizeof(struct ipv6hdr) > end)
		return 1;
	if (header[0] >> 4 == 4) {
		if (header[9] != IPPROTO_TCP)
			return 1;
		offset = (header[0] & 0xf) * 4;
	} else {
		if (header[6] != IPPROTO_TCP)
			return 1;
		offset = sizeof(struct ipv6hdr);
	}
	if (offset > 60)
		return 1;
	flags = data + offset + 13;
	if ((void *)(flags + 1) > end)
		return 1;
	return (*flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == TCP_FLAG_SYN;
}

static __always_inline int same_address(const struct packet *p)
{
	__u64 s[2], d[2];

	__builtin_memcpy(s, p->source, 16);
	__builtin_memcpy(d, p->destination, 16);
	return s[0] == d[0] && s[1] == d[1];
}

#endif
