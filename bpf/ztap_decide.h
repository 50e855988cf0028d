/* Deciding a flow against the active slot, and accounting for the decision: counters that stay
 * exact, and events on the ring buffer for denials and for the first packet of allowed flows. */
#ifndef ZTAP_DECIDE_H
#define ZTAP_DECIDE_H

/* A flow oriented from the end that opened it, as PolicyEngine.Decide sees it. */
struct flow {
	__u8 source[16];
	__u8 destination[16];
	__u16 source_port;
	__u16 destination_port; /* 0 for ICMP and protocols without ports */
	__u32 source_identity;
	__u32 destination_identity;
	__u8 family;
	__u8 protocol;
	__u8 source_unknown; /* at connect(), before the socket has chosen its address */
};

/* Internal only: a decision that needs the source address, which connect() does not know yet. */
#define ZTAP_VERDICT_UNDECIDED 3

struct decision {
	__u8 verdict;
	__u32 rule;
	__u32 policy;
};

static __always_inline __u32 identity_of(__u32 slot, __u8 family, const __u8 *address)
{
	struct ztap_ipcache_key key = {
		.prefixlen = 32 + (family == ZTAP_FAMILY_V4 ? 32 : 128),
		.family = family,
	};
	struct ztap_ipcache_value *value;

	__builtin_memcpy(key.addr, address, 16);
	value = SLOT_LOOKUP(slot, ztap_ipcache, &key);
	return value ? value->identity : ZTAP_WORLD;
}

/* Keeps the first rule, the one PolicyEngine.Explain names: rules order by their policy's rank, then
 * by their index in it. An empty best (ZTAP_NONE in all) comes after every rule. */
static __always_inline void consider(__u32 slot, struct ztap_policy_key *key, struct ztap_policy_value *best)
{
	struct ztap_policy_value *value = SLOT_LOOKUP(slot, ztap_policy, key);

	if (value && (value->rank != best->rank ? value->rank < best->rank : value->rule < best->rule))
		*best = *value;
}

/* The peer key of what the side's ipBlocks allow for an address: found by the longest of the
 * side's own block prefixes containing it, ZTAP_NONE when no ipBlock of the side holds it. */
static __always_inline __u32 block_peer(__u32 slot, __u32 subject, __u8 direction, __u8 family, const __u8 *address)
{
	struct ztap_block_key key = {
		.prefixlen = ZTAP_BLOCK_FIXED_BITS + (family == ZTAP_FAMILY_V4 ? 32 : 128),
		.subject = subject,
		.direction = direction,
		.family = family,
	};
	struct ztap_block_value *value;

	__builtin_memcpy(key.addr, address, 16);
	value = SLOT_LOOKUP(slot, ztap_blocks, &key);
	return value ? value->peer : ZTAP_NONE;
}

/* Whether one side (egress of the source or ingress of the destination) allows the flow: 1 yes,
 * 0 no, -1 when only the peer's address could tell and it is not known. */
static __always_inline int side_allows(__u32 slot, __u32 subject, __u8 direction, __u32 peer, const __u8 *address,
				       int address_known, const struct flow *f, __u32 *isolating,
				       struct ztap_policy_value *best)
{
	struct ztap_isolation_key isolation = { .identity = subject, .direction = direction };
	struct ztap_policy_key key = {
		.prefixlen = ZTAP_POLICY_FIXED_BITS + 16,
		.subject = subject,
		.direction = direction,
		.port = bpf_htons(f->destination_port),
	};
	struct ztap_isolation *isolated = SLOT_LOOKUP(slot, ztap_isolated, &isolation);
	__u32 flags, block;

	best->rule = ZTAP_NONE;
	best->policy = ZTAP_NONE;
	best->rank = ZTAP_NONE;
	if (!isolated) {
		*isolating = ZTAP_NONE;
		return 1;
	}
	*isolating = isolated->policy;
	flags = isolated->flags;

	if (flags & ZTAP_SIDE_PEERS) {
		key.peer = peer;
		key.protocol = f->protocol;
		consider(slot, &key, best);
		key.protocol = ZTAP_ANY_PROTOCOL;
		consider(slot, &key, best);
	}
	if (flags & ZTAP_SIDE_ANY_PEER) {
		key.peer = ZTAP_ANY_PEER;
		key.protocol = f->protocol;
		consider(slot, &key, best);
		key.protocol = ZTAP_ANY_PROTOCOL;
		consider(slot, &key, best);
	}
	if (flags & ZTAP_SIDE_BLOCKS) {
		if (!address_known)
			return best->rule != ZTAP_NONE ? 1 : -1;
		block = block_peer(slot, subject, direction, f->family, address);
		if (block != ZTAP_NONE) {
			key.peer = block;
			key.protocol = f->protocol;
			consider(slot, &key, best);
			key.protocol = ZTAP_ANY_PROTOCOL;
			consider(slot, &key, best);
		}
	}
	return best->rule != ZTAP_NONE;
}

/* hook names the side whose rule is reported when both sides are isolated. */
static __always_inline void decide_in_slot(__u32 slot, const struct flow *f, __u8 hook, struct decision *d)
{
	struct ztap_policy_value egress, ingress;
	__u32 egress_isolating, ingress_isolating;
	int allowed;

	d->rule = ZTAP_NONE;
	if (!side_allows(slot, f->source_identity, ZTAP_EGRESS, f->destination_identity, f->destination, 1, f,
			 &egress_isolating, &egress)) {
		d->verdict = ZTAP_VERDICT_DENY;
		d->policy = egress_isolating;
		return;
	}
	allowed = side_allows(slot, f->destination_identity, ZTAP_INGRESS, f->source_identity, f->source,
			      !f->source_unknown, f, &ingress_isolating, &ingress);
	if (allowed <= 0) {
		d->verdict = allowed ? ZTAP_VERDICT_UNDECIDED : ZTAP_VERDICT_DENY;
		d->policy = ingress_isolating;
		return;
	}
	d->verdict = ZTAP_VERDICT_ALLOW;
	if (hook == ZTAP_EGRESS ? egress.rule != ZTAP_NONE : ingress.rule == ZTAP_NONE) {
		d->rule = egress.rule;
		d->policy = egress.policy;
	} else {
		d->rule = ingress.rule;
		d->policy = ingress.policy;
	}
}

/* Deciding is verified once per slot as a function of its own (a global function), rather than
 * again for every path of every program that calls it. */
#define DECIDE_IN(n)                                                                            \
	__noinline int decide_##n(const struct flow *f, __u32 hook, struct decision *d)             \
	{                                                                                           \
		if (!f || !d)                                                                           \
			return 0;                                                                           \
		decide_in_slot(n, f, hook, d);                                                          \
		return 0;                                                                               \
	}

DECIDE_IN(0)
DECIDE_IN(1)

static __always_inline void decide(const __u32 slot, const struct flow *f, __u8 hook, struct decision *d)
{
	if (slot)
		decide_1(f, hook, d);
	else
		decide_0(f, hook, d);
}

static __always_inline void add(struct ztap_counter *counter, __u32 bytes)
{
	if (counter) {
		counter->decisions++;
		counter->bytes += bytes;
	}
}

static __always_inline void add_in(struct ztap_slot_counter *counter, __u32 bytes, __u32 generation)
{
	if (!counter)
		return;
	if (counter->generation != generation) {
		counter->generation = generation;
		counter->decisions = 0;
		counter->bytes = 0;
	}
	counter->decisions++;
	counter->bytes += bytes;
}

static __always_inline void count(__u32 slot, const struct decision *d, __u32 bytes, __u32 generation)
{
	__u32 index = ZTAP_NONE;
	__u32 total = d->verdict == ZTAP_VERDICT_ALLOW  ? ZTAP_TOTAL_ALLOWED
		      : d->verdict == ZTAP_VERDICT_DENY ? ZTAP_TOTAL_DENIED
							: ZTAP_TOTAL_AUDITED;

	/* An allow names the allowing rule's policy, a denial the first isolating one; an allow by no
	 * rule (neither side isolated) names none. */
	if (d->policy != ZTAP_NONE)
		index = d->verdict == ZTAP_VERDICT_ALLOW ? d->policy : ZTAP_MAX_POLICIES + d->policy;
	if (index != ZTAP_NONE) {
		__u32 block_index = index / ZTAP_COUNTERS_PER_BLOCK;
		struct ztap_counter_block *block = SLOT_LOOKUP(slot, ztap_counters, &block_index);

		if (block)
			add_in(&block->counters[index % ZTAP_COUNTERS_PER_BLOCK], bytes, generation);
	}
	add(bpf_map_lookup_elem(&ztap_verdicts, &total), bytes);
}

static __always_inline void emit(const struct flow *f, const struct decision *d, __u8 hook, __u64 cgroup,
				 __u32 generation, __u32 bytes)
{
	struct ztap_event *event = bpf_ringbuf_reserve(&ztap_events, sizeof(*event), 0);
	__u32 lost = ZTAP_TOTAL_EVENTS_LOST;

	if (!event) {
		add(bpf_map_lookup_elem(&ztap_verdicts, &lost), bytes);
		return;
	}
	event->time_ns = bpf_ktime_get_boot_ns();
	event->cgroup = cgroup;
	__builtin_memcpy(event->source, f->source, 16);
	__builtin_memcpy(event->destination, f->destination, 16);
	event->source_port = f->source_port;
	event->destination_port = f->destination_port;
	event->family = f->family;
	event->protocol = f->protocol;
	event->direction = hook;
	event->verdict = d->verdict;
	event->bytes = bytes;
	event->generation = generation;
	event->source_identity = f->source_identity;
	event->destination_identity = f->destination_identity;
	event->rule = d->rule;
	event->policy = d->policy;
	event->pad = 0;
	bpf_ringbuf_submit(event, 0);
}

#endif
