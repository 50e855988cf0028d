using YamlDotNet.Core;

namespace Ztap.Core.Yaml;

/// <summary>
/// Stops reading a file that exceeds an <see cref="InputLimits"/> limit; caught by
/// <see cref="YamlStreamReader"/> and turned into a diagnostic, never seen by callers.
/// </summary>
internal sealed class YamlLimitExceededException(Mark mark, string message) : Exception(message)
{
    public Mark Mark { get; } = mark;
}
