using System.Collections.Immutable;
using Ztap.Cloud.SecurityGroups;

namespace Ztap.Cloud.Sync;

/// <summary>A ztap group as the policies want it: its name, the instances it is attached to and all its rules.</summary>
public sealed record DesiredGroup(GroupKey Key, string Name, ImmutableArray<string> Members, ImmutableHashSet<GroupRule> Rules);
