using System.Collections.Immutable;
using Ztap.Core.Diagnostics;
using Ztap.Core.Labels;

namespace Ztap.Core.Policy;

/// <summary>
/// A validated network policy in either dialect: which workloads of its namespace it selects, which
/// directions it isolates, and the ingress and egress rules that allow traffic.
/// </summary>
public sealed record NetworkPolicy(
    string Name,
    string Namespace,
    PolicyDialect Dialect,
    LabelSelector PodSelector,
    PolicyTypes PolicyTypes,
    ImmutableArray<PolicyRule> Ingress,
    ImmutableArray<PolicyRule> Egress,
    SourceLocation Origin)
{
    /// <summary>The policy's name as people refer to it: <c>namespace/name</c>.</summary>
    public string QualifiedName => $"{Namespace}/{Name}";

    // A mask rather than HasFlag, which boxes until the method is optimised, and compiling an edit
    // asks this for every policy.
    public bool Isolates(Direction direction) =>
        (PolicyTypes & (direction == Direction.Ingress ? PolicyTypes.Ingress : PolicyTypes.Egress)) != 0;

    public ImmutableArray<PolicyRule> Rules(Direction direction) =>
        direction == Direction.Ingress ? Ingress : Egress;
}
