/* The structures shared by the datapath (ztap.bpf.c) and ztap's loader
 * (src/Ztap.Enforcement/Ebpf/Maps). Declared once here; the C# mirrors carry explicit
 * layouts and a test compares their sizes and offsets with this header. */
#ifndef ZTAP_MAPS_H
#define ZTAP_MAPS_H

#include <linux/types.h>

/* Capacities. The loader refuses a policy set that does not fit before touching anything. */
#define ZTAP_MAX_PREFIXES 262144
#define ZTAP_MAX_SUBJECTS 16384
#define ZTAP_MAX_ISOLATIONS 131072
#define ZTAP_MAX_POLICY_ENTRIES 1048576
#define ZTAP_MAX_BLOCK_ENTRIES 262144
#define ZTAP_MAX_POLICIES 16384
#define ZTAP_MAX_CONNTRACK 262144
#define ZTAP_EVENT_RING_BYTES (4 * 1024 * 1024)

/* Counter indexes, by policy number: allows per policy of the allowing rule first, then denials per
 * isolating policy. */
#define ZTAP_COUNTERS (2 * ZTAP_MAX_POLICIES)

/* Counters are stored 64 to a map entry: the kernel allocates each entry of a per-CPU array on its
 * own, and 32,768 single counters a slot took about 30 ms to create; 512 blocks of 64 take 2-5 ms. */
#define ZTAP_COUNTERS_PER_BLOCK 64
#define ZTAP_COUNTER_BLOCKS (ZTAP_COUNTERS / ZTAP_COUNTERS_PER_BLOCK)

#define ZTAP_NONE 0xffffffffu
#define ZTAP_WORLD 2u /* Identity.WorldNumber: addresses no prefix covers */
#define ZTAP_ANY_PEER 0u
#define ZTAP_ANY_PROTOCOL 0

/* Same numbers as Ztap.Core.Policy.Direction. */
#define ZTAP_INGRESS 0
#define ZTAP_EGRESS 1

#define ZTAP_FAMILY_V4 4
#define ZTAP_FAMILY_V6 6

#define ZTAP_MODE_ENFORCE 0
#define ZTAP_MODE_AUDIT 1

#define ZTAP_VERDICT_ALLOW 0
#define ZTAP_VERDICT_DENY 1
#define ZTAP_VERDICT_AUDIT 2 /* would have been denied; let through in audit mode */

/* Indexes of ztap_verdicts, the totals that stay exact whatever happens to events. */
#define ZTAP_TOTAL_ALLOWED 0
#define ZTAP_TOTAL_DENIED 1
#define ZTAP_TOTAL_AUDITED 2
#define ZTAP_TOTAL_EVENTS_LOST 3
#define ZTAP_TOTALS 4

/* ipcache: address -> identity. family is matched in full (32 bits) before the address,
 * so an IPv4 or IPv6 /N entry has prefixlen 32 + N. */
struct ztap_ipcache_key {
	__u32 prefixlen;
	__u32 family;
	__u8 addr[16];
};

struct ztap_ipcache_value {
	__u32 identity;
};

/* Who the sockets of an attached cgroup are. identity 0 holds the workload's primary identity
 * (that of its first address); one entry per identity of its addresses says which addresses it
 * may speak for, since a workload's addresses can lie in different policy CIDRs. */
struct ztap_subject_key {
	__u64 cgroup;
	__u32 identity;
	__u32 pad;
};

struct ztap_subject {
	__u32 identity;
};

/* An identity isolated in a direction. */
struct ztap_isolation_key {
	__u32 identity;
	__u32 direction;
};

/* Which kinds of allowed entries a side has, so deciding looks up only those. */
#define ZTAP_SIDE_PEERS 1u    /* entries keyed by a peer identity */
#define ZTAP_SIDE_ANY_PEER 2u /* entries for any peer */
#define ZTAP_SIDE_BLOCKS 4u   /* ipBlock entries, reached through ztap_blocks */

/* The number of the first isolating policy, and the side's ZTAP_SIDE_* flags. */
struct ztap_isolation {
	__u32 policy;
	__u32 flags;
};

/* The ipBlock prefixes (cidrs and excepts) of one side's rules. The longest one containing the
 * peer's address decides which of the side's ipBlocks hold the peer; everything before the
 * address (64 bits, pad included) is matched in full, so a /N entry has prefixlen 64 + N. */
struct ztap_block_key {
	__u32 prefixlen;
	__u32 subject;
	__u8 direction;
	__u8 family;
	__u16 pad;
	__u8 addr[16];
};

#define ZTAP_BLOCK_FIXED_BITS 64

/* The peer under which the policy map holds what the ipBlocks containing that prefix allow: the
 * identity the ipcache gives the prefix itself. ZTAP_NONE when they allow nothing there. */
struct ztap_block_value {
	__u32 peer;
};

/* Allowed entries. Everything before port is matched in full (80 bits); the port, in
 * network byte order, is matched by prefix so a port range is a few aligned blocks. */
struct ztap_policy_key {
	__u32 prefixlen;
	__u32 subject;
	__u32 peer;
	__u8 direction;
	__u8 protocol;
	__be16 port;
};

#define ZTAP_POLICY_FIXED_BITS 80

/* The first rule allowing the entry: its index among its policy's rules of the direction, the number
 * of its policy (which counters and events name it by) and the policy's rank (which orders policies
 * as the set lists them). Numbers and ranks stay put when other policies are added or removed, and
 * the index when other rules are, so such an edit changes no other policy's entries. */
struct ztap_policy_value {
	__u32 rule;
	__u32 policy;
	__u32 rank;
};

/* What one policy version does besides its maps. Indexed by slot. */
struct ztap_settings {
	__u32 mode;
	__u32 generation;
};

/* Connection tracking, seen from the socket: local and remote ends, and the socket's own cgroup. */
struct ztap_ct_key {
	__u8 local[16];
	__u8 remote[16];
	__u16 local_port;
	__u16 remote_port;
	__u8 family;
	__u8 protocol;
	__u8 pad[2];
	__u64 cgroup;
};

struct ztap_ct_entry {
	__u32 generation; /* the policy generation that decided the flow */
	__u8 origin;      /* the direction of the flow's first packet at this cgroup */
	__u8 verdict;
	__u8 pad[2];
};

/* What a connected TCP socket's flow was last decided as: the socket's own copy of its conntrack
 * entry, reached without parsing the packet or hashing its addresses. */
struct ztap_socket_flow {
	__u32 generation;
	__u8 origin;
	__u8 pad[3];
};

/* Decisions (not packets) of one verdict, and their bytes. */
struct ztap_counter {
	__u64 decisions;
	__u64 bytes;
};

/* Decisions attributed to a policy in a slot, and their bytes, under the generation they
 * were counted in: a count left by an older generation that used the slot starts again at the next
 * decision, so installing a version into the slot needs no zeroing, and readers add up only the
 * counts of the generation in force. */
struct ztap_slot_counter {
	__u32 generation;
	__u32 pad;
	__u64 decisions;
	__u64 bytes;
};

/* Counter n is entry n / ZTAP_COUNTERS_PER_BLOCK, position n % ZTAP_COUNTERS_PER_BLOCK. */
struct ztap_counter_block {
	struct ztap_slot_counter counters[ZTAP_COUNTERS_PER_BLOCK];
};

/* One verdict event on the ring buffer. IPv4 addresses use the first 4 bytes. */
struct ztap_event {
	__u64 time_ns; /* CLOCK_BOOTTIME */
	__u64 cgroup;
	__u8 source[16];
	__u8 destination[16];
	__u16 source_port;
	__u16 destination_port;
	__u8 family;
	__u8 protocol;
	__u8 direction;
	__u8 verdict;
	__u32 bytes;
	__u32 generation;
	__u32 source_identity;
	__u32 destination_identity;
	__u32 rule;   /* as in struct ztap_policy_value; ZTAP_NONE for a denial */
	__u32 policy; /* the number of the allowing rule's policy, or of the first isolating one of a denial */
	__u32 pad;
};

#endif
