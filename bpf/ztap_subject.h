/* Who a socket is: the identity of the cgroup ztap attached to, found from the socket's own
 * cgroup or, for a socket in a cgroup below it, from the deepest attached ancestor. */
#ifndef ZTAP_SUBJECT_H
#define ZTAP_SUBJECT_H

static __always_inline __u32 subject_identity(__u32 slot, __u64 cgroup)
{
	struct ztap_subject *subject = SLOT_LOOKUP(slot, ztap_subjects, &cgroup);

	return subject ? subject->identity : ZTAP_NONE;
}

static __always_inline __u32 skb_subject(__u32 slot, struct __sk_buff *skb, __u64 *cgroup)
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

static __always_inline __u32 current_subject(__u32 slot, __u64 *cgroup)
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

#endif
