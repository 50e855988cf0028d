using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Policy;

/// <summary>The policies read from a set of files, and every problem found in them; unusable when any is an error.</summary>
public sealed record PolicyLoadResult(ImmutableArray<NetworkPolicy> Policies, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
