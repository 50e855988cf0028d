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
    /// counting only what the generation counted: read a batch of blocks a system call, not a
    /// system call a counter.
    /// </summary>
    public Counter[] Sum(BpfMap map, int first, int count, uint generation)
    {
        const int perBlock = DatapathLimits.CountersPerBlock;
        if (count == 0)
        {
            return [];
        }

        // Each block comes as one run of its counters per CPU, the CPUs one after another.
        var firstBlock = first / perBlock;
        var blocks = ((first + count - 1) / perBlock) - firstBlock + 1;
        var values = new SlotCounter[blocks * s_cpus * perBlock];
        map.LookupRange<SlotCounter>((uint)firstBlock, values, s_cpus * perBlock);
        var totals = new Counter[count];
        for (var i = 0; i < count; i++)
        {
            var counter = first + i;
            var start = (((counter / perBlock) - firstBlock) * s_cpus * perBlock) + (counter % perBlock);
            for (var cpu = 0; cpu < s_cpus; cpu++)
            {
                var value = values[start + (cpu * perBlock)];
                if (value.Generation == generation)
                {
                    totals[i].Decisions += value.Decisions;
                    totals[i].Bytes += value.Bytes;
                }
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
