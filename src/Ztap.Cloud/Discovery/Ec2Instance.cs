using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Cloud.Discovery;

/// <summary>
/// A running or pending EC2 instance as ztap sees it: the workload it is (namespace, labels taken
/// from its tags, private addresses) and where it sits (VPC, network interfaces and their groups).
/// </summary>
/// <param name="HasDelegatedPrefixes">
/// Whether an interface carries delegated prefixes: their addresses are not workload addresses,
/// yet a rule naming the instance's group would admit them, so such a group is never referenced.
/// </param>
public sealed record Ec2Instance(
    string InstanceId,
    string VpcId,
    string State,
    string Namespace,
    LabelSet Labels,
    ImmutableArray<IPAddress> Addresses,
    ImmutableArray<NamedPort> NamedPorts,
    ImmutableArray<InstanceInterface> Interfaces,
    bool HasDelegatedPrefixes)
{
    /// <summary>The instance as people refer to it: <c>namespace/i-0abc...</c>, also its workload name.</summary>
    public string QualifiedName => $"{Namespace}/{InstanceId}";
}
