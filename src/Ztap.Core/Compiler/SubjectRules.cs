using System.Collections.Immutable;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// What an identity may do in one direction. When no policy isolates it, everything is allowed and
/// the entries are empty; otherwise only what <see cref="Entries"/> (peers by identity) and
/// <see cref="Blocks"/> (peers by address) allow is.
/// </summary>
/// <param name="IsolatingNumbers">The numbers of <paramref name="IsolatingPolicies"/> (<see cref="PolicySet.PolicyByNumber"/>).</param>
public sealed record SubjectRules(
    Direction Direction,
    ImmutableArray<NetworkPolicy> IsolatingPolicies,
    ImmutableArray<int> IsolatingNumbers,
    ImmutableArray<AllowEntry> Entries,
    ImmutableArray<BlockAllowEntry> Blocks)
{
    public bool Isolated => !IsolatingPolicies.IsEmpty;
}
