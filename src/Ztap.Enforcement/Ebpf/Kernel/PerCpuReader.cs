using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Reads per-CPU counter arrays: the kernel returns one value per possible CPU, each padded to 8
/// bytes, and the total is their sum.
/// </summary>
internal sealed unsafe class PerCpuReader
{
    private readonly Counter[] _counters = new Counter[LibBpf.NumPossibleCpus()];
    private readonly SlotCounter[] _slotCounters = new SlotCounter[LibBpf.NumPossibleCpus()];

    /// <summary>The total of a verdict counter.</summary>
    public Counter Sum(BpfMap map, uint index)
    {
        fixed (Counter* values = _counters)
        {
            Lookup(map, index, values);
        }

        var total = default(Counter);
        foreach (var value in _counters)
        {
            total.Decisions += value.Decisions;
            total.Bytes += value.Bytes;
        }

        return total;
    }

    /// <summary>The total of a slot's rule or policy counter, counting only what the generation counted.</summary>
    public Counter Sum(BpfMap map, uint index, uint generation)
    {
        fixed (SlotCounter* values = _slotCounters)
        {
            Lookup(map, index, values);
        }

        var total = default(Counter);
        foreach (var value in _slotCounters)
        {
            if (value.Generation == generation)
            {
                total.Decisions += value.Decisions;
                total.Bytes += value.Bytes;
            }
        }

        return total;
    }

    private static void Lookup(BpfMap map, uint index, void* values)
    {
        var result = LibBpf.MapLookup(map.Fd, &index, values);
        if (result < 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"reading counter {index} of map {map.Name}: {Errno.Describe(Errno.Of(result))}");
        }
    }
}
