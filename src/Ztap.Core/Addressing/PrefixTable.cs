using System.Net;

namespace Ztap.Core.Addressing;

/// <summary>
/// A longest-prefix-match table over IPv4 and IPv6 prefixes mapping an address to the value of the
/// most specific prefix containing it, or to a default value when none does.
/// </summary>
internal sealed class PrefixTable
{
    private readonly IntervalMap<uint> _v4;
    private readonly IntervalMap<UInt128> _v6;

    public PrefixTable(IEnumerable<(IPNetwork Prefix, int Value)> prefixes, int defaultValue)
    {
        var v4 = new List<(uint, uint, int)>();
        var v6 = new List<(UInt128, UInt128, int)>();
        foreach (var (prefix, value) in prefixes)
        {
            var (first, last) = AddressKey.Range(prefix);
            if (AddressKey.IsV4(prefix.BaseAddress))
            {
                v4.Add(((uint)first, (uint)last, value));
            }
            else
            {
                v6.Add((first, last, value));
            }
        }

        _v4 = IntervalMap<uint>.Build(v4, defaultValue);
        _v6 = IntervalMap<UInt128>.Build(v6, defaultValue);
    }

    /// <summary>The number of disjoint ranges the prefixes flatten into.</summary>
    public int RangeCount => _v4.Count + _v6.Count;

    public int Find(IPAddress address) => AddressKey.IsV4(address)
        ? _v4.Find(AddressKey.ToUInt32(address))
        : _v6.Find(AddressKey.ToUInt128(address));

    public int FindV4(uint address) => _v4.Find(address);

    public int FindV6(UInt128 address) => _v6.Find(address);
}
