using Ztap.Core.Labels;

namespace Ztap.Core.Policy;

/// <summary>
/// One entry of <c>from</c> or <c>to</c>. Exactly as in Kubernetes: a pod selector alone selects
/// in the policy's namespace, a namespace selector alone selects every workload of the matching
/// namespaces, both together select matching workloads in matching namespaces, and an ipBlock
/// stands alone.
/// </summary>
public sealed record PolicyPeer(LabelSelector? PodSelector, LabelSelector? NamespaceSelector, IpBlock? IpBlock)
{
    public override string ToString()
    {
        if (IpBlock is not null)
        {
            return $"ipBlock {IpBlock}";
        }

        var parts = new List<string>(2);
        if (NamespaceSelector is not null)
        {
            parts.Add($"namespaces {NamespaceSelector}");
        }

        if (PodSelector is not null)
        {
            parts.Add($"workloads {PodSelector}");
        }

        return string.Join(" / ", parts);
    }
}
