using System.Collections.Immutable;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// What an identity may do in one direction. When no policy isolates it, everything is allowed and
/// <see cref="Entries"/> is empty; otherwise only the entries are.
/// </summary>
public sealed record SubjectRules(Direction Direction, ImmutableArray<NetworkPolicy> IsolatingPolicies, ImmutableArray<AllowEntry> Entries)
{
    public bool Isolated => !IsolatingPolicies.IsEmpty;
}
