using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_slot_counter</c>: decisions attributed to a rule or a policy in a slot,
/// and their bytes, under the generation they were counted in. Counts of another generation are
/// what an older version left in the slot, and count for nothing. The map holds them
/// <see cref="DatapathLimits.CountersPerBlock"/> to an entry (<c>struct ztap_counter_block</c>).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct SlotCounter
{
    [FieldOffset(0)]
    public uint Generation;

    [FieldOffset(8)]
    public ulong Decisions;

    [FieldOffset(16)]
    public ulong Bytes;
}
