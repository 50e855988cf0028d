using System.Collections.Immutable;

namespace Ztap.Cloud.Discovery;

/// <summary>A network interface of an instance and the Security Groups on it, which is where EC2 attaches groups.</summary>
public sealed record InstanceInterface(string NetworkInterfaceId, ImmutableArray<string> GroupIds);
