using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Cloud.Discovery;

/// <summary>The instances found, and every problem with their tags; unusable when any diagnostic is an error.</summary>
public sealed record DiscoveryResult(ImmutableArray<Ec2Instance> Instances, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
