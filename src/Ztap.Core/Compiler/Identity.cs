using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Core.Compiler;

/// <summary>
/// Everything a policy can tell about an address, given one number: the namespace, labels and named
/// ports of its workload, and the innermost policy CIDR it lies in. Addresses with the same identity
/// get the same verdicts, so the datapath keys its rules by identity rather than by address.
/// </summary>
/// <param name="Number">Stable across compilations: derived from the identity's content, not from its position.</param>
/// <param name="Cidr">The innermost ipBlock prefix containing the addresses, or null when none does.</param>
public sealed record Identity(
    uint Number,
    IdentityKind Kind,
    string? Namespace,
    LabelSet Labels,
    ImmutableArray<NamedPort> NamedPorts,
    IPNetwork? Cidr)
{
    /// <summary>The reserved number for this host.</summary>
    public const uint HostNumber = 1;

    /// <summary>The reserved number for addresses outside the inventory and every policy CIDR.</summary>
    public const uint WorldNumber = 2;

    /// <summary>The first number given to a computed identity; numbers below are reserved, as in Cilium.</summary>
    public const uint FirstComputedNumber = 256;

    /// <summary>A short human form: <c>prod app=web,tier=frontend in 10.0.0.0/8</c>, <c>cidr 10.0.0.0/8</c>, <c>world</c>.</summary>
    public override string ToString() => Kind switch
    {
        IdentityKind.Host => "host",
        IdentityKind.World => "world",
        IdentityKind.Cidr => $"cidr {Cidr}",
        _ => Cidr is null ? $"{Namespace} {Labels}" : $"{Namespace} {Labels} in {Cidr}",
    };
}
