// SPDX-License-Identifier: (GPL-2.0-only OR MIT)
/* ztap's datapath. A flow is allowed when egress of its source identity and ingress of its
 * destination identity both allow it, exactly as Ztap.Core's PolicyEngine.Decide says. Each
 * hook decides the whole flow, so a flow between two attached workloads gets the same verdict
 * at both ends and a flow whose other end is not attached is still judged in full.
 *
 * Everything a policy version installs lives in one of two slots (the maps suffixed _0 and _1);
 * ztap_config holds the active generation and its low bit selects the slot, so a new version is
 * written into the idle slot and switched on with one 32-bit store. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "ztap_maps.h"

#define PASS 1
#define DROP 0

#define TCP_FLAG_SYN 0x02
#define TCP_FLAG_ACK 0x10

#define ICMP_ECHO_REPLY 0
#define ICMP_ECHO_REQUEST 8
#define ICMPV6_ECHO_REQUEST 128
#define ICMPV6_ECHO_REPLY 129
#define ICMPV6_ND_FIRST 133 /* router and neighbour discovery: the link itself, never a flow */
#define ICMPV6_ND_LAST 137
#define IPPROTO_ICMPV6_WIRE 58

/* How deep an attached cgroup may sit above the socket's own cgroup when looking for its subject. */
#define MAX_CGROUP_LEVELS 16

/* ztap_allowed_sockets has 2^16 entries. */
#define ZTAP_ALLOWED_SOCKET_BITS 16

#define PINNED __uint(pinning, LIBBPF_PIN_BY_NAME)

/* Hash maps are created with BPF_F_NO_PREALLOC too: a preallocated one costs its whole capacity
 * when it is created (about 35 ms for 131,072 isolations here, on the first install's path), and
 * elements allocated on update are looked up as fast. */
#define SLOT_MAPS(n)                                                              \
	struct {                                                                      \
		__uint(type, BPF_MAP_TYPE_LPM_TRIE);                                      \
		__uint(map_flags, BPF_F_NO_PREALLOC);                                     \
		__uint(max_entries, ZTAP_MAX_PREFIXES);                                   \
		__type(key, struct ztap_ipcache_key);                                     \
		__type(value, struct ztap_ipcache_value);                                 \
		PINNED;                                                                   \
	} ztap_ipcache_##n SEC(".maps");                                              \
	struct {                                                                      \
		__uint(type, BPF_MAP_TYPE_HASH);                                          \
		__uint(map_flags, BPF_F_NO_PREALLOC);                                     \
		__uint(max_entries, ZTAP_MAX_SUBJECTS);                                   \
		__type(key, struct ztap_subject_key);                                     \
		__type(value, struct ztap_subject);                                       \
		PINNED;                                                                   \
	} ztap_subjects_##n SEC(".maps");                                             \
	struct {                                                                      \
		__uint(type, BPF_MAP_TYPE_HASH);                                          \
		__uint(map_flags, BPF_F_NO_PREALLOC);                                     \
		__uint(max_entries, ZTAP_MAX_ISOLATIONS);                                 \
		__type(key, struct ztap_isolation_key);                                   \
		__type(value, struct ztap_isolation);                                     \
		PINNED;                                                                   \
	} ztap_isolated_##n SEC(".maps");                                             \
	struct {                                                                      \
		__uint(type, BPF_MAP_TYPE_LPM_TRIE);                                      \
		__uint(map_flags, BPF_F_NO_PREALLOC);                                     \
		__uint(max_entries, ZTAP_MAX_POLICY_ENTRIES);                             \
		__type(key, struct ztap_policy_key);                                      \
		__type(value, struct ztap_policy_value);                                  \
		PINNED;                                                                   \
	} ztap_policy_##n SEC(".maps");                                               \
	struct {                                                                      \
		__uint(type, BPF_MAP_TYPE_LPM_TRIE);                                      \
		__uint(map_flags, BPF_F_NO_PREALLOC);                                     \
		__uint(max_entries, ZTAP_MAX_BLOCK_ENTRIES);                              \
		__type(key, struct ztap_block_key);                                       \
		__type(value, struct ztap_block_value);                                   \
		PINNED;                                                                   \
	} ztap_blocks_##n SEC(".maps");                                               \
	struct {                                                                      \
		__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);                                  \
		__uint(max_entries, ZTAP_COUNTER_BLOCKS);                                 \
		__type(key, __u32);                                                       \
		__type(value, struct ztap_counter_block);                                 \
		PINNED;                                                                   \
	} ztap_counters_##n SEC(".maps");

SLOT_MAPS(0)
SLOT_MAPS(1)

#define SLOT_LOOKUP(slot, map, key) \
	((slot) ? bpf_map_lookup_elem(&map##_1, (key)) : bpf_map_lookup_elem(&map##_0, (key)))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
	PINNED;
} ztap_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, struct ztap_settings);
	PINNED;
} ztap_settings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, ZTAP_MAX_CONNTRACK);
	__type(key, struct ztap_ct_key);
	__type(value, struct ztap_ct_entry);
	PINNED;
} ztap_conntrack SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ztap_socket_flow);
	PINNED;
} ztap_sockets SEC(".maps");

/* The sockets whose flow the active generation allowed, one word each at an index given by the
 * low bits of the socket's cookie: the rest of the cookie and the generation (allowed_tag). It
 * repeats what ztap_sockets says, in one page instead of the three a socket storage lookup reads
 * (the socket's storage, its element, the map). Where the kernel switches page tables at every
 * entry, as on the development VM, a packet sent from a system call pays most for its first touch
 * of each page. Two sockets sharing an entry only send each other to the socket storage; one
 * 64-bit store writes an entry whole. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1 << ZTAP_ALLOWED_SOCKET_BITS);
	__type(key, __u32);
	__type(value, __u64);
	PINNED;
} ztap_allowed_sockets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, ZTAP_EVENT_RING_BYTES);
	PINNED;
} ztap_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, ZTAP_TOTALS);
	__type(key, __u32);
	__type(value, struct ztap_counter);
	PINNED;
} ztap_verdicts SEC(".maps");

#include "ztap_packet.h"
#include "ztap_decide.h"
#include "ztap_subject.h"

/* The generation in force, 0 before the first policy version is complete. */
static __always_inline __u32 active_generation(void)
{
	__u32 zero = 0;
	__u32 *generation = bpf_map_lookup_elem(&ztap_config, &zero);

	return generation ? *generation : 0;
}

static __always_inline void orient(struct flow *f, const struct ztap_ct_key *key, __u8 origin,
				   __u32 local_identity, __u32 remote_identity)
{
	int outbound = origin == ZTAP_EGRESS;

	__builtin_memcpy(f->source, outbound ? key->local : key->remote, 16);
	__builtin_memcpy(f->destination, outbound ? key->remote : key->local, 16);
	f->source_port = outbound ? key->local_port : key->remote_port;
	f->destination_port = outbound ? key->remote_port : key->local_port;
	f->source_identity = outbound ? local_identity : remote_identity;
	f->destination_identity = outbound ? remote_identity : local_identity;
	f->family = key->family;
	f->protocol = key->protocol;
	f->source_unknown = 0;
	if (f->protocol == IPPROTO_ICMP) {
		f->source_port = 0;
		f->destination_port = 0;
	}
}

static __always_inline void conntrack_key(const struct packet *p, __u8 hook, __u64 cgroup, struct ztap_ct_key *key)
{
	int egress = hook == ZTAP_EGRESS;

	__builtin_memcpy(key->local, egress ? p->source : p->destination, 16);
	__builtin_memcpy(key->remote, egress ? p->destination : p->source, 16);
	if (p->protocol == IPPROTO_ICMP) {
		key->local_port = p->echo_id;
		key->remote_port = p->echo_id;
	} else {
		key->local_port = egress ? p->source_port : p->destination_port;
		key->remote_port = egress ? p->destination_port : p->source_port;
	}
	key->family = p->family;
	key->protocol = p->protocol;
	key->cgroup = cgroup;
}

/* A TCP socket that is not listening carries one flow, whose conntrack key is the same for every
 * packet it sends or receives: the socket's storage stands for that entry. Listening sockets see
 * the handshakes of many flows and stay with conntrack. */
static __always_inline struct bpf_sock *flow_socket(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return NULL;
	sk = bpf_sk_fullsock(sk);
	if (!sk || sk->protocol != IPPROTO_TCP || sk->state == BPF_TCP_LISTEN)
		return NULL;
	return sk;
}

/* Cookies count up from 1 per socket created since boot; the tag of one beyond 48 bits would not
 * be exact, so such a socket gets tag 0, which no entry is ever compared with. */
static __always_inline __u64 allowed_tag(__u64 cookie, __u32 generation)
{
	if (cookie >> (ZTAP_ALLOWED_SOCKET_BITS + 32))
		return 0;
	return (cookie >> ZTAP_ALLOWED_SOCKET_BITS) << 32 | generation;
}

static __always_inline __u64 *allowed_entry(__u64 cookie)
{
	__u32 index = cookie & ((1 << ZTAP_ALLOWED_SOCKET_BITS) - 1);

	return bpf_map_lookup_elem(&ztap_allowed_sockets, &index);
}

/* Whether the socket's flow is one the generation (never 0 here) allowed, without its storage. */
static __always_inline int socket_allowed(struct __sk_buff *skb, __u32 generation)
{
	__u64 cookie = bpf_get_socket_cookie(skb);
	__u64 tag = allowed_tag(cookie, generation);
	__u64 *entry = allowed_entry(cookie);

	return tag && entry && *entry == tag;
}

/* Generation 0 (a denial) replaces the entry with a tag no active generation matches. */
static __always_inline void allow_socket(struct __sk_buff *skb, __u32 generation)
{
	__u64 cookie = bpf_get_socket_cookie(skb);
	__u64 *entry = allowed_entry(cookie);

	if (entry)
		*entry = allowed_tag(cookie, generation);
}

static __always_inline void remember_flow(struct __sk_buff *skb, struct bpf_sock *sk, __u32 generation,
					  __u8 origin)
{
	struct ztap_socket_flow *flow;

	if (!sk)
		return;
	flow = bpf_sk_storage_get(&ztap_sockets, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (flow) {
		flow->generation = generation;
		flow->origin = origin;
	}
	allow_socket(skb, generation);
}

/* A packet of a flow that the active generation already decided passes on one lookup; anything
 * else (a TCP SYN, a first UDP or ICMP packet, a flow decided by an older generation) is decided
 * again, and a flow now denied loses its conntrack entry, so tightening a policy cuts it. */
static __always_inline int handle_slot(struct __sk_buff *skb, __u8 hook, const struct packet *packet,
				       const struct ztap_ct_key *ct_key, struct ztap_ct_entry *entry, int fresh,
				       __u8 origin, struct bpf_sock *sk, __u32 generation, const __u32 slot)
{
	struct packet p = *packet;
	struct ztap_ct_key key = *ct_key;
	struct ztap_ct_entry fresh_entry = {};
	struct ztap_settings *settings;
	struct decision d;
	struct flow f;
	__u32 local_identity;
	__u64 cgroup = 0;

	settings = bpf_map_lookup_elem(&ztap_settings, &slot);
	local_identity = skb_subject(slot, skb, &cgroup);
	if (!settings || local_identity == ZTAP_NONE)
		return PASS;

	local_identity = own_identity(slot, cgroup, local_identity, p.family, key.local);
	orient(&f, &key, origin, local_identity, identity_of(slot, p.family, key.remote));
	decide(slot, &f, hook, &d);
	if (d.verdict == ZTAP_VERDICT_DENY && settings->mode == ZTAP_MODE_AUDIT)
		d.verdict = ZTAP_VERDICT_AUDIT;
	count(slot, &d, p.bytes, generation);

	if (d.verdict == ZTAP_VERDICT_DENY) {
		if (entry)
			bpf_map_delete_elem(&ztap_conntrack, &key);
		remember_flow(skb, sk, 0, origin);
		emit(&f, &d, hook, cgroup, generation, p.bytes);
		return DROP;
	}
	if (fresh || d.verdict == ZTAP_VERDICT_AUDIT)
		emit(&f, &d, hook, cgroup, generation, p.bytes);
	if (entry && !fresh) {
		entry->generation = generation;
		entry->verdict = d.verdict;
	} else {
		fresh_entry.generation = generation;
		fresh_entry.origin = origin;
		fresh_entry.verdict = d.verdict;
		bpf_map_update_elem(&ztap_conntrack, &key, &fresh_entry, BPF_ANY);
	}
	remember_flow(skb, sk, generation, origin);
	return PASS;
}

/* The fast paths need no slot: a TCP socket's entry in ztap_allowed_sockets or its own storage,
 * or conntrack keyed by the socket's own cgroup. Anything else goes to a copy of the handler per
 * slot, with the slot a constant: every map reference is then fixed, which keeps the verifier's
 * work linear. */
static __always_inline int handle_skb(struct __sk_buff *skb, __u8 hook)
{
	struct packet p = {};
	struct ztap_ct_key key = {};
	struct ztap_ct_entry *entry;
	struct ztap_socket_flow *known = NULL;
	struct bpf_sock *sk;
	__u32 generation;
	__u8 origin;
	int fresh, opening;

	generation = active_generation();
	if (!generation)
		return PASS;
	/* Only a TCP flow socket is ever given an entry, and no other socket ever has its cookie: a
	 * matching entry needs no look at the socket itself. */
	opening = may_open_tcp(skb);
	if (!opening && socket_allowed(skb, generation))
		return PASS;
	sk = flow_socket(skb);
	if (sk) {
		known = bpf_sk_storage_get(&ztap_sockets, sk, 0, 0);
		if (known && known->generation == generation && !opening) {
			allow_socket(skb, generation);
			return PASS;
		}
	}

	if (!parse_packet(skb, &p) || p.link_local_control || same_address(&p))
		return PASS;
	conntrack_key(&p, hook, bpf_skb_cgroup_id(skb), &key);
	entry = bpf_map_lookup_elem(&ztap_conntrack, &key);
	fresh = is_new_tcp_connection(&p) || (!entry && !(known && known->generation));
	if (!fresh && entry && entry->generation == generation) {
		remember_flow(skb, sk, generation, entry->origin);
		return PASS;
	}
	/* A flow the socket remembers keeps its orientation even when conntrack lost its entry. */
	origin = fresh ? hook : entry ? entry->origin : known->origin;
	return generation & 1 ? handle_slot(skb, hook, &p, &key, entry, fresh, origin, sk, generation, 1)
			      : handle_slot(skb, hook, &p, &key, entry, fresh, origin, sk, generation, 0);
}

SEC("cgroup_skb/ingress")
int ztap_ingress(struct __sk_buff *skb)
{
	return handle_skb(skb, ZTAP_INGRESS);
}

SEC("cgroup_skb/egress")
int ztap_egress(struct __sk_buff *skb)
{
	return handle_skb(skb, ZTAP_EGRESS);
}

#include "ztap_connect.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";
