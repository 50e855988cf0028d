using System.Collections.Frozen;
using Ztap.Core.Compiler;

namespace Ztap.Cloud.Addressing;

/// <summary>
/// The exact addresses of every identity of a <see cref="PolicySet"/>: each prefix of its
/// longest-prefix table minus the longer prefixes inside it, which belong to other identities.
/// This is what turns the identities an allow entry names back into addresses for a Security Group.
/// </summary>
internal sealed class IdentityAddresses
{
    private readonly FrozenDictionary<uint, AddressSet> _byIdentity;

    public IdentityAddresses(PolicySet set)
    {
        var entries = set.Prefixes.Select(p => (Range: AddressRange.Of(p.Prefix), p.Identity)).ToArray();
        var ranges = new Dictionary<uint, List<AddressRange>>();
        var next = 0;
        while (next < entries.Length)
        {
            next = Walk(entries, next, ranges);
        }

        _byIdentity = ranges.ToFrozenDictionary(pair => pair.Key, pair => AddressSet.Of(pair.Value));
    }

    public AddressSet Of(uint identity) => _byIdentity.GetValueOrDefault(identity, AddressSet.Empty);

    // The table is sorted by family, first address and length, so the prefixes inside entry i follow
    // it directly; the gaps between them are entry i's own addresses.
    private static int Walk((AddressRange Range, uint Identity)[] entries, int i, Dictionary<uint, List<AddressRange>> ranges)
    {
        var outer = entries[i].Range;
        if (!ranges.TryGetValue(entries[i].Identity, out var own))
        {
            own = [];
            ranges.Add(entries[i].Identity, own);
        }

        var cursor = outer.First;
        var exhausted = false;
        var next = i + 1;
        while (next < entries.Length && entries[next].Range.IsV4 == outer.IsV4 && entries[next].Range.First <= outer.Last)
        {
            var inner = entries[next].Range;
            if (!exhausted && inner.First > cursor)
            {
                own.Add(outer with { First = cursor, Last = inner.First - 1 });
            }

            next = Walk(entries, next, ranges);
            exhausted = inner.Last == outer.Last;
            cursor = exhausted ? cursor : inner.Last + 1;
        }

        if (!exhausted)
        {
            own.Add(outer with { First = cursor });
        }

        return next;
    }
}
