using System.Globalization;

namespace Ztap.Cli.Output;

/// <summary>Counted nouns for summaries: "1 policy", "3 policies", "2 files".</summary>
internal static class Plural
{
    public static string Of(int count, string noun)
    {
        var number = count.ToString(CultureInfo.InvariantCulture);
        if (count == 1)
        {
            return $"{number} {noun}";
        }

        return noun.EndsWith('y') ? $"{number} {noun[..^1]}ies" : $"{number} {noun}s";
    }
}
