using System.Collections.Immutable;
using Ztap.Core.Addressing;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Pf;

/// <summary>
/// The anchor's address tables, one per distinct content. A pf table answers with its most specific
/// entry and an entry may be negated, which is exactly the longest-prefix rule of the set: a set of
/// identities is their prefixes plus, negated, the other identities' prefixes nested inside them.
/// </summary>
internal sealed class PfTables(PolicySet set)
{
    private readonly Dictionary<string, string> _names = [];

    public List<(string Name, ImmutableArray<string> Entries)> All { get; } = [];

    /// <summary>The table of the addresses whose identity is one of these.</summary>
    public string Identities(IReadOnlySet<uint> identities)
    {
        var entries = new List<string>();
        if (identities.Contains(Identity.WorldNumber))
        {
            entries.Add("0.0.0.0/0");
            entries.Add("::/0");
        }

        foreach (var isV4 in new[] { true, false })
        {
            var open = new Stack<(UInt128 Last, bool Positive)>();
            foreach (var prefix in set.Prefixes.Where(p => AddressKey.IsV4(p.Prefix.BaseAddress) == isV4))
            {
                var (first, last) = AddressKey.Range(prefix.Prefix);
                while (open.Count > 0 && open.Peek().Last < first)
                {
                    open.Pop();
                }

                var positive = identities.Contains(prefix.Identity);
                var enclosed = open.Count > 0 ? open.Peek().Positive : identities.Contains(Identity.WorldNumber);
                if (positive != enclosed)
                {
                    entries.Add(positive ? prefix.Prefix.ToString() : "!" + prefix.Prefix);
                }

                open.Push((last, positive));
            }
        }

        return Named(entries);
    }

    /// <summary>The table of an ipBlock: its cidr, and its excepts negated.</summary>
    public string Block(IpBlock block) => Named([block.Cidr.ToString(), .. block.Except.Select(e => "!" + e)]);

    public string Addresses(IEnumerable<System.Net.IPAddress> addresses) => Named([.. addresses.Select(a => a.ToString())]);

    private string Named(List<string> entries)
    {
        var key = string.Join(",", entries);
        if (!_names.TryGetValue(key, out var name))
        {
            name = $"ztap_{All.Count}";
            _names[key] = name;
            All.Add((name, [.. entries]));
        }

        return name;
    }
}
