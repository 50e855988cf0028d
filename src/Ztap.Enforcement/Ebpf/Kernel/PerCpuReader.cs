using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Reads per-CPU counter arrays: the kernel returns one value per possible CPU, each padded to 8
/// bytes, and the total is their sum.
/// </summary>
internal sealed unsafe class PerCpuReader
{
    private readonly Counter[] _buffer = new Counter[LibBpf.NumPossibleCpus()];

    public Counter Sum(BpfMap map, uint index)
    {
        fixed (Counter* values = _buffer)
        {
            var result = LibBpf.MapLookup(map.Fd, &index, values);
            if (result < 0)
            {
                throw new EnforcementException(EnforcementFailure.KernelError, $"reading counter {index} of map {map.Name}: {Errno.Describe(Errno.Of(result))}");
            }
        }

        var total = default(Counter);
        foreach (var value in _buffer)
        {
            total.Decisions += value.Decisions;
            total.Bytes += value.Bytes;
        }

        return total;
    }

    /// <summary>Sets entries to zero on every CPU, so a slot's counters start from nothing.</summary>
    public void Zero(BpfMap map, uint first, int count)
    {
        if (count == 0)
        {
            return;
        }

        var keys = new uint[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = first + (uint)i;
        }

        map.UpdateBatch<uint, Counter>(keys, new Counter[count * _buffer.Length], _buffer.Length);
    }
}
