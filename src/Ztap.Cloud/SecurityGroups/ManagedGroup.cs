using System.Collections.Immutable;

namespace Ztap.Cloud.SecurityGroups;

/// <summary>A Security Group ztap owns, as EC2 reports it now: where it is, which policy it enforces, its rules.</summary>
public sealed record ManagedGroup(string GroupId, string Name, string VpcId, string Policy, ImmutableHashSet<GroupRule> Rules);
