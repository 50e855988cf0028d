using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Reads per-CPU counter arrays: the kernel returns one value per possible CPU, each padded to 8
/// bytes, and the total is their sum.
/// </summary>
internal sealed unsafe class PerCpuReader
{
    private static readonly int s_cpus = LibBpf.NumPossibleCpus();

    // Scratch for one counter's per-CPU values.
    private readonly Counter[] _counters = new Counter[s_cpus];

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

    /// <summary>
    /// The totals of <paramref name="count"/> consecutive slot counters from <paramref name="first"/>,
    /// counting only what the generation counted: read in batches, not a system call a counter.
    /// </summary>
    public Counter[] Sum(BpfMap map, uint first, int count, uint generation)
    {
        var values = new SlotCounter[count * s_cpus];
        map.LookupRange<SlotCounter>(first, values, s_cpus);
        var totals = new Counter[count];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Generation == generation)
            {
                totals[i / s_cpus].Decisions += values[i].Decisions;
                totals[i / s_cpus].Bytes += values[i].Bytes;
            }
        }

        return totals;
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
