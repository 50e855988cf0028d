using System.Net;

namespace Ztap.Core.Addressing;

/// <summary>
/// A longest-prefix-match table over IPv4 and IPv6 prefixes mapping an address to the value of the
/// most specific prefix containing it, or to a default value when none does. Most lookups are of
/// workload addresses, whose /32 or /128 is the most specific prefix there can be, so host prefixes
/// are also kept in hash tables that answer them without the search.
/// </summary>
internal sealed class PrefixTable
{
    private readonly IntervalMap<uint> _v4;
    private readonly IntervalMap<UInt128> _v6;
    private readonly Dictionary<uint, int> _v4Hosts;
    private readonly Dictionary<UInt128, int> _v6Hosts = [];

    /// <param name="prefixes">Distinct prefixes in <see cref="PrefixOrder"/>.</param>
    /// <param name="values">The value of each prefix.</param>
    public PrefixTable(ReadOnlySpan<IPNetwork> prefixes, ReadOnlySpan<int> values, int defaultValue)
    {
        var v4 = new List<(uint, uint, int)>(prefixes.Length);
        var v6 = new List<(UInt128, UInt128, int)>();
        _v4Hosts = new Dictionary<uint, int>(prefixes.Length);
        for (var i = 0; i < prefixes.Length; i++)
        {
            var prefix = prefixes[i];
            var value = values[i];
            var (first, last) = AddressKey.Range(prefix);
            if (AddressKey.IsV4(prefix.BaseAddress))
            {
                v4.Add(((uint)first, (uint)last, value));
                if (first == last)
                {
                    _v4Hosts[(uint)first] = value;
                }
            }
            else
            {
                v6.Add((first, last, value));
                if (first == last)
                {
                    _v6Hosts[first] = value;
                }
            }
        }

        _v4 = IntervalMap<uint>.Build(v4, defaultValue);
        _v6 = IntervalMap<UInt128>.Build(v6, defaultValue);
    }

    /// <summary>The number of disjoint ranges the prefixes flatten into.</summary>
    public int RangeCount => _v4.Count + _v6.Count;

    public int Find(IPAddress address) => AddressKey.IsV4(address)
        ? FindV4(AddressKey.ToUInt32(address))
        : FindV6(AddressKey.ToUInt128(address));

    public int FindV4(uint address) => _v4Hosts.TryGetValue(address, out var value) ? value : _v4.Find(address);

    public int FindV6(UInt128 address) => _v6Hosts.TryGetValue(address, out var value) ? value : _v6.Find(address);
}
