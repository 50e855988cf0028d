namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>An aligned block of ports: the ports whose leading <see cref="PrefixLength"/> bits equal <see cref="First"/>'s.</summary>
internal readonly record struct PortBlock(ushort First, int PrefixLength)
{
    public int Last => First + (1 << (16 - PrefixLength)) - 1;

    /// <summary>
    /// The fewest aligned blocks covering exactly <paramref name="from"/>..<paramref name="to"/>,
    /// at most 30 for any range, so a range is a handful of longest-prefix entries.
    /// </summary>
    public static IEnumerable<PortBlock> Cover(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, ushort.MaxValue);
        var start = from;
        while (start <= to)
        {
            var hostBits = 0;
            while (hostBits < 16 && start % (1 << (hostBits + 1)) == 0 && start + (1 << (hostBits + 1)) - 1 <= to)
            {
                hostBits++;
            }

            yield return new PortBlock((ushort)start, 16 - hostBits);
            start += 1 << hostBits;
        }
    }
}
