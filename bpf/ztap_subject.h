/* Who a socket is: the identity of the cgroup ztap attached to, found from the socket's own
 * cgroup or, for a socket in a cgroup below it, from the deepest attached ancestor. */
#ifndef ZTAP_SUBJECT_H
#define ZTAP_SUBJECT_H

static __always_inline __u32 subject_entry(__u32 slot, __u64 cgroup, __u32 identity)
{
	struct ztap_subject_key key = { .cgroup = cgroup, .identity = identity };
	struct ztap_subject *subject = SLOT_LOOKUP(slot, ztap_subjects, &key);

	return subject ? subject->identity : ZTAP_NONE;
}

static __always_inline __u32 subject_identity(__u32 slot, __u64 cgroup)
{
	return subject_entry(slot, cgroup, 0);
}

/* Whether the subject's workload has an address of this identity. */
static __always_inline int subject_has(__u32 slot, __u64 cgroup, __u32 identity)
{
	return subject_entry(slot, cgroup, identity) != ZTAP_NONE;
}

/* The identity the local end speaks with: that of its address when the address is the
 * workload's own, the workload's primary identity otherwise (an address it has no claim to). */
static __always_inline __u32 own_identity(__u32 slot, __u64 cgroup, __u32 primary, __u8 family, const __u8 *local)
{
	__u32 identity = identity_of(slot, family, local);

	return subject_has(slot, cgroup, identity) ? identity : primary;
}

static __always_inline __u32 skb_subject_in_slot(const __u32 slot, struct __sk_buff *skb, __u64 *cgroup)
{
	__u64 own = bpf_skb_cgroup_id(skb);
	__u32 identity = subject_identity(slot, own);

	if (identity != ZTAP_NONE) {
		*cgroup = own;
		return identity;
	}
	for (int level = 0; level < MAX_CGROUP_LEVELS; level++) {
		__u64 ancestor = bpf_skb_ancestor_cgroup_id(skb, level);
		__u32 found;

		if (!ancestor)
			break;
		found = subject_identity(slot, ancestor);
		if (found != ZTAP_NONE) {
			identity = found;
			*cgroup = ancestor;
		}
	}
	return identity;
}

static __always_inline __u32 current_subject_in_slot(const __u32 slot, __u64 *cgroup)
{
	__u64 own = bpf_get_current_cgroup_id();
	__u32 identity = subject_identity(slot, own);

	if (identity != ZTAP_NONE) {
		*cgroup = own;
		return identity;
	}
	for (int level = 0; level < MAX_CGROUP_LEVELS; level++) {
		__u64 ancestor = bpf_get_current_ancestor_cgroup_id(level);
		__u32 found;

		if (!ancestor)
			break;
		found = subject_identity(slot, ancestor);
		if (found != ZTAP_NONE) {
			identity = found;
			*cgroup = ancestor;
		}
	}
	return identity;
}

/* The ancestor walks are verified once per slot as global functions: inlined, their loops would
 * be verified again on every path of every program. */
#define SUBJECT_IN(n)                                                                           \
	__noinline __u32 skb_subject_##n(struct __sk_buff *skb, __u64 *cgroup)                      \
	{                                                                                           \
		return cgroup ? skb_subject_in_slot(n, skb, cgroup) : ZTAP_NONE;                        \
	}                                                                                           \
	__noinline __u32 current_subject_##n(__u64 *cgroup)                                         \
	{                                                                                           \
		return cgroup ? current_subject_in_slot(n, cgroup) : ZTAP_NONE;                         \
	}

SUBJECT_IN(0)
SUBJECT_IN(1)

static __always_inline __u32 skb_subject(const __u32 slot, struct __sk_buff *skb, __u64 *cgroup)
{
	return slot ? skb_subject_1(skb, cgroup) : skb_subject_0(skb, cgroup);
}

static __always_inline __u32 current_subject(const __u32 slot, __u64 *cgroup)
{
	return slot ? current_subject_1(cgroup) : current_subject_0(cgroup);
}

#endif
