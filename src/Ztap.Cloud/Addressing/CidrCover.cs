using System.Net;

namespace Ztap.Cloud.Addressing;

/// <summary>
/// The fewest CIDR blocks that cover a range exactly: never an address more, because a Security
/// Group rule on a wider block would allow what the policy excepts.
/// </summary>
internal static class CidrCover
{
    public static IEnumerable<IPNetwork> Of(AddressRange range)
    {
        var next = range.First;
        while (true)
        {
            // The largest block aligned at 'next' that stays inside the range.
            var hostBits = next == 0 ? range.Bits : Math.Min((int)UInt128.TrailingZeroCount(next), range.Bits);
            while (BlockLast(next, hostBits) > range.Last)
            {
                hostBits--;
            }

            yield return new IPNetwork(AddressRange.ToAddress(range.IsV4, next), range.Bits - hostBits);
            var last = BlockLast(next, hostBits);
            if (last >= range.Last)
            {
                yield break;
            }

            next = last + 1;
        }
    }

    // 'next' is aligned to the block, so only the whole IPv6 space can overflow.
    private static UInt128 BlockLast(UInt128 next, int hostBits) =>
        hostBits == 128 ? UInt128.MaxValue : next + ((UInt128.One << hostBits) - 1);
}
