using System.Collections.Immutable;
using Ztap.Core.Labels;

namespace Ztap.Core.Policy;

/// <summary>A policy's <c>spec</c> as read, with policyTypes already defaulted for its dialect.</summary>
internal readonly record struct PolicySpec(
    LabelSelector PodSelector,
    PolicyTypes PolicyTypes,
    ImmutableArray<PolicyRule> Ingress,
    ImmutableArray<PolicyRule> Egress);
