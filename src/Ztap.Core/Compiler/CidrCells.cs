using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Addressing;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Every prefix the policies name (ipBlock cidr and except), sorted so that the prefixes inside one
/// form a contiguous run after it. An ipBlock is then a range of cells minus the ranges of its
/// excepts, and "is address a in C minus E" becomes "is the innermost cell of a in that set".
/// </summary>
internal sealed class CidrCells
{
    private readonly Dictionary<IPNetwork, int> _indexOf;
    private readonly int[] _subtreeEnd;
    private readonly PrefixTable _innermost;

    /// <param name="named">Every prefix the policies name, from <see cref="NamedBy"/>.</param>
    public CidrCells(HashSet<IPNetwork> named)
    {
        var prefixes = named.ToArray();
        PrefixOrder.Sort(prefixes);
        var ranges = new (bool IsV4, UInt128 First, UInt128 Last)[prefixes.Length];
        for (var i = 0; i < prefixes.Length; i++)
        {
            var (first, last) = AddressKey.Range(prefixes[i]);
            ranges[i] = (AddressKey.IsV4(prefixes[i].BaseAddress), first, last);
        }

        Prefixes = ImmutableArray.Create(prefixes);
        _indexOf = new Dictionary<IPNetwork, int>(ranges.Length);
        _subtreeEnd = new int[ranges.Length];
        // From the back, so each prefix can jump over the already measured runs of the prefixes inside it.
        for (var i = ranges.Length - 1; i >= 0; i--)
        {
            _indexOf[prefixes[i]] = i;
            var end = i + 1;
            while (end < ranges.Length && ranges[end].IsV4 == ranges[i].IsV4 && ranges[end].First <= ranges[i].Last)
            {
                end = _subtreeEnd[end];
            }

            _subtreeEnd[i] = end;
        }

        _innermost = new PrefixTable(prefixes, [.. Enumerable.Range(0, prefixes.Length)], -1);
    }

    /// <summary>Every ipBlock cidr and except the policies name.</summary>
    public static HashSet<IPNetwork> NamedBy(IReadOnlyList<NetworkPolicy> policies)
    {
        var named = new HashSet<IPNetwork>();
        foreach (var policy in policies)
        {
            AddBlocks(named, policy.Ingress);
            AddBlocks(named, policy.Egress);
        }

        return named;
    }

    /// <summary>Whether these are the cells of exactly the given prefixes.</summary>
    public bool AreOf(HashSet<IPNetwork> named) =>
        named.Count == _indexOf.Count && named.All(_indexOf.ContainsKey);

    /// <summary>Whether the prefix is one of the cells.</summary>
    public bool Has(IPNetwork prefix) => _indexOf.ContainsKey(prefix);

    /// <summary>The cells in their order: a prefix is followed by the prefixes inside it.</summary>
    public ImmutableArray<IPNetwork> Prefixes { get; }

    /// <summary>The innermost cell containing the address, or -1 when no policy prefix does.</summary>
    public int Innermost(IPAddress address) => _innermost.Find(address);

    /// <summary>
    /// The cells an ipBlock covers, those inside its cidr and inside none of its excepts, as
    /// half-open ranges of cell indices: the cidr's run minus the runs of its excepts.
    /// </summary>
    public List<(int Start, int End)> Covered(IpBlock block)
    {
        var start = _indexOf[block.Cidr];
        var excluded = new (int Start, int End)[block.Except.Length];
        for (var i = 0; i < excluded.Length; i++)
        {
            var index = _indexOf[block.Except[i]];
            excluded[i] = (index, _subtreeEnd[index]);
        }

        Array.Sort(excluded);
        var ranges = new List<(int Start, int End)>();
        var cursor = start;
        foreach (var (exceptStart, exceptEnd) in excluded)
        {
            if (exceptStart > cursor)
            {
                ranges.Add((cursor, exceptStart));
            }

            cursor = Math.Max(cursor, exceptEnd);
        }

        if (cursor < _subtreeEnd[start])
        {
            ranges.Add((cursor, _subtreeEnd[start]));
        }

        return ranges;
    }

    // Loops rather than a query: this visits every peer of every policy, and an iterator per
    // policy and rule was most of what building the cells allocated.
    private static void AddBlocks(HashSet<IPNetwork> distinct, ImmutableArray<PolicyRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var peer in rule.Peers)
            {
                if (peer.IpBlock is { } block)
                {
                    distinct.Add(block.Cidr);
                    foreach (var except in block.Except)
                    {
                        distinct.Add(except);
                    }
                }
            }
        }
    }
}
