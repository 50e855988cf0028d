using Ztap.Core.Yaml;

namespace Ztap.Benchmarks.Generation;

/// <summary>The input limits generated estates are read with.</summary>
internal static class EstateLimits
{
    /// <summary>Large estates have inventories past the default file limit meant for hand-written files (100,000 apps make 136 MB).</summary>
    public static readonly InputLimits Large = InputLimits.Default with { MaxFileBytes = 512L * 1024 * 1024 };
}
