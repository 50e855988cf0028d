namespace Ztap.Core.Yaml;

/// <summary>
/// How much YAML ztap agrees to read from one file, so that hostile or runaway input is refused
/// with a diagnostic instead of exhausting memory. YAML aliases are always refused: a policy
/// never needs them, and refusing them outright rules out alias-expansion bombs.
/// </summary>
public sealed record InputLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>The largest file, in bytes (UTF-8), that is read at all. Defaults to 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most YAML documents (separated by <c>---</c>) one file may hold. Defaults to 100,000.</summary>
    public int MaxDocuments { get; init; } = 100_000;

    /// <summary>The deepest nesting of mappings and lists in a document. Defaults to 64.</summary>
    public int MaxDepth { get; init; } = 64;
}
