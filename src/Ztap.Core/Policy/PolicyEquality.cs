using System.Collections.Immutable;
using Ztap.Core.Labels;

namespace Ztap.Core.Policy;

/// <summary>
/// Whether two policies say the same thing, written at the same place: name, selector, types, every
/// rule, peer and port, and where the policy starts. Records compare their immutable arrays by
/// reference, so two readings of one text are never equal records; this compares them by content.
/// </summary>
internal static class PolicyEquality
{
    /// <summary>Rules compared by content, so that equal rules can be one object.</summary>
    public static IEqualityComparer<PolicyRule> Rules { get; } =
        EqualityComparer<PolicyRule>.Create((a, b) => a is null || b is null ? a == b : Same(a, b), Hash);

    public static bool Same(NetworkPolicy a, NetworkPolicy b) =>
        a.Name == b.Name
        && a.Namespace == b.Namespace
        && a.Dialect == b.Dialect
        && a.PolicyTypes == b.PolicyTypes
        && a.Origin == b.Origin
        && Same(a.PodSelector, b.PodSelector)
        && Same(a.Ingress, b.Ingress, Same)
        && Same(a.Egress, b.Egress, Same);

    private static bool Same(PolicyRule a, PolicyRule b) =>
        Same(a.Peers, b.Peers, Same) && Same(a.Ports, b.Ports, static (x, y) => x == y);

    private static bool Same(PolicyPeer a, PolicyPeer b) =>
        Same(a.PodSelector, b.PodSelector) && Same(a.NamespaceSelector, b.NamespaceSelector) && Same(a.IpBlock, b.IpBlock);

    private static bool Same(LabelSelector? a, LabelSelector? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.MatchLabels.Equals(b.MatchLabels) && Same(a.MatchExpressions, b.MatchExpressions, Same);

    private static bool Same(LabelRequirement a, LabelRequirement b) =>
        a.Key == b.Key && a.Operator == b.Operator && a.Values.AsSpan().SequenceEqual(b.Values.AsSpan());

    private static bool Same(IpBlock? a, IpBlock? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Cidr == b.Cidr && a.Except.AsSpan().SequenceEqual(b.Except.AsSpan());

    // Over what the comparison looks at, and what is cheap to hash: the ports, and each peer's labels and CIDR.
    private static int Hash(PolicyRule rule)
    {
        var hash = new HashCode();
        foreach (var port in rule.Ports)
        {
            hash.Add(port);
        }

        foreach (var peer in rule.Peers)
        {
            hash.Add(peer.PodSelector?.MatchLabels);
            hash.Add(peer.NamespaceSelector?.MatchLabels);
            hash.Add(peer.IpBlock?.Cidr);
        }

        return hash.ToHashCode();
    }

    private static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b, Func<T, T, bool> same)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!same(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
