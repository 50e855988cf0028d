using System.Collections.Immutable;
using Ztap.Core.Compiler;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// The names of what a policy set put in the datapath: each identity's description and each
/// policy's name, which counters and events refer to by number (empty for a number no policy has).
/// An edit keeps all of them unless it renames, adds or removes a policy, so they are written again
/// only then, and the identities' not even then.
/// </summary>
/// <param name="Version">The version of the set the names were taken from.</param>
/// <param name="IdentitiesVersion">The version of the set the identities' descriptions were taken from: an earlier one when edits kept them.</param>
/// <param name="Order">The policies' numbers in the order the set lists them, which status lists them in.</param>
internal sealed record EbpfNames(
    string Version,
    string IdentitiesVersion,
    ImmutableArray<IdentitySummary> Identities,
    ImmutableArray<string> Policies,
    ImmutableArray<int> Order)
{
    /// <param name="earlier">
    /// Names taken from an earlier set: when <paramref name="set"/> keeps its identities (an edit
    /// of it, or the same policies over workloads that only came, went or moved), their
    /// descriptions (tens of thousands in a large estate) are reused.
    /// </param>
    public static EbpfNames Of(PolicySet set, (PolicySet Set, EbpfNames Names)? earlier)
    {
        var policies = Enumerable.Range(0, set.PolicyNumberBound).Select(n => set.PolicyByNumber(n)?.QualifiedName ?? "").ToImmutableArray();
        var order = Enumerable.Range(0, set.Policies.Length).Select(set.PolicyNumber).ToImmutableArray();
        return earlier is { } named && set.HasIdentitiesOf(named.Set)
            ? new(set.Version, named.Names.IdentitiesVersion, named.Names.Identities, policies, order)
            : new(set.Version, set.Version, [.. set.Identities.Select(i => new IdentitySummary(i.Number, i.ToString()))], policies, order);
    }

    /// <summary>
    /// Whether the names of <paramref name="named"/> are those of <paramref name="set"/> too: an
    /// edit keeps identities, the numbers of the policies it keeps and their order, so only a
    /// renamed, added or removed policy changes a name.
    /// </summary>
    public static bool Kept(PolicySet named, PolicySet set)
    {
        if (!set.IsEditOf(named) || set.PolicyNumberBound != named.PolicyNumberBound)
        {
            return false;
        }

        for (var number = 0; number < set.PolicyNumberBound; number++)
        {
            var (was, now) = (named.PolicyByNumber(number), set.PolicyByNumber(number));
            if (!ReferenceEquals(was, now) && (was is null || now is null || was.Name != now.Name || was.Namespace != now.Namespace))
            {
                return false;
            }
        }

        return true;
    }
}
