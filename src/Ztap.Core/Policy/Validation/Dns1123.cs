using System.Buffers;

namespace Ztap.Core.Policy.Validation;

/// <summary>
/// The DNS-1123 name rules Kubernetes applies to object names: a label (namespaces) or a
/// subdomain of dot-separated labels (policy and workload names).
/// </summary>
internal static class Dns1123
{
    public const int MaxLabelLength = 63;
    public const int MaxSubdomainLength = 253;

    public const string LabelRule =
        "use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit";

    public const string SubdomainRule =
        "use at most 253 lowercase letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsLabel(ReadOnlySpan<char> text) => text.Length <= MaxLabelLength && IsLabelSyntax(text);

    public static bool IsSubdomain(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxSubdomainLength)
        {
            return false;
        }

        foreach (var range in text.Split('.'))
        {
            if (!IsLabelSyntax(text[range]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelSyntax(ReadOnlySpan<char> text) =>
        text.Length > 0
        && IsLowerAlphanumeric(text[0])
        && IsLowerAlphanumeric(text[^1])
        && !text.ContainsAnyExcept(Allowed);

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
