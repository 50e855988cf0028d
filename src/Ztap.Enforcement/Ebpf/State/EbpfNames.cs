using System.Collections.Immutable;
using Ztap.Core.Compiler;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// The names of what a policy set put in the datapath: each identity's description and each
/// policy's name, which counters and events refer to by position. An in-place edit keeps all of
/// them unless it renames a policy, so they are written again only then.
/// </summary>
/// <param name="Version">The version of the set the names were taken from.</param>
internal sealed record EbpfNames(
    string Version,
    ImmutableArray<IdentitySummary> Identities,
    ImmutableArray<string> Policies)
{
    public static EbpfNames Of(PolicySet set) => new(
        set.Version,
        [.. set.Identities.Select(i => new IdentitySummary(i.Number, i.ToString()))],
        [.. set.Policies.Select(p => p.QualifiedName)]);

    /// <summary>
    /// Whether the names of <paramref name="named"/> are those of <paramref name="set"/> too: an
    /// in-place edit keeps identities and policy positions, so only a renamed policy changes a name.
    /// </summary>
    public static bool Kept(PolicySet named, PolicySet set)
    {
        if (!set.IsEditOf(named))
        {
            return false;
        }

        for (var i = 0; i < set.Policies.Length; i++)
        {
            var (was, now) = (named.Policies[i], set.Policies[i]);
            if (!ReferenceEquals(was, now) && (was.Name != now.Name || was.Namespace != now.Namespace))
            {
                return false;
            }
        }

        return true;
    }
}
