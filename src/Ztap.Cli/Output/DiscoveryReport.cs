using Ztap.Cloud.Discovery;

namespace Ztap.Cli.Output;

/// <summary>What <c>ztap cloud discover</c> prints: the region asked and what was found there.</summary>
internal sealed record DiscoveryReport(string Region, DiscoveryResult Result);
