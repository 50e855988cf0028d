using System.Buffers;

namespace Ztap.Core.Policy.Validation;

/// <summary>
/// Kubernetes' rules for label keys (an optional DNS subdomain prefix and '/', then a name) and
/// label values, so that labels valid here are valid in a cluster and the other way round.
/// </summary>
internal static class LabelSyntax
{
    private const int MaxNameLength = 63;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>Why <paramref name="key"/> is not a valid label key, or null when it is.</summary>
    public static string? KeyError(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key.AsSpan() : key.AsSpan(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.AsSpan(0, slash);
            if (prefix.Length == 0 || !Dns1123.IsSubdomain(prefix))
            {
                return $"the prefix before '/' must be a DNS subdomain: {Dns1123.SubdomainRule}";
            }

            if (name.Contains('/'))
            {
                return "a label key has at most one '/'";
            }
        }

        return name.Length == 0 ? "the name part of a label key must not be empty" : NameError(name);
    }

    /// <summary>Why <paramref name="value"/> is not a valid label value, or null when it is; empty is valid.</summary>
    public static string? ValueError(string value) => value.Length == 0 ? null : NameError(value);

    private static string? NameError(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxNameLength)
        {
            return $"it is {name.Length} characters long; the limit is {MaxNameLength}";
        }

        var valid = char.IsAsciiLetterOrDigit(name[0])
            && char.IsAsciiLetterOrDigit(name[^1])
            && !name.ContainsAnyExcept(NameCharacters);
        return valid ? null : "use letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    }
}
