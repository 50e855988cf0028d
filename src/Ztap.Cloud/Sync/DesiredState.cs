using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Ztap.Cloud.Sync;

/// <summary>
/// What AWS should look like for a <see cref="Ztap.Core.Compiler.PolicySet"/>: the ztap groups and,
/// per instance, the ztap groups on its interfaces. <see cref="Errors"/> are what Security Groups
/// cannot express without allowing more than the policies do; with any, nothing is applied.
/// </summary>
public sealed record DesiredState(
    ImmutableArray<DesiredGroup> Groups,
    FrozenDictionary<string, ImmutableArray<string>> GroupsOfInstance,
    ImmutableArray<string> Errors,
    ImmutableArray<string> Notes);
