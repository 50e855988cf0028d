namespace Ztap.Core.Yaml;

/// <summary>Finds the known field a misspelt one most likely meant, so "egres" can say "did you mean 'egress'".</summary>
internal static class FieldNameSuggestion
{
    /// <summary>The closest of <paramref name="known"/> within a few edits of <paramref name="unknown"/>, or null.</summary>
    public static string? Closest(string unknown, ReadOnlySpan<string> known)
    {
        // A third of the word, at least two: close enough to be a typo, far enough not to guess wildly.
        var threshold = Math.Max(2, unknown.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= threshold && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance: the fewest insertions, deletions and substitutions from one to the other.</summary>
    private static int Distance(string from, string to)
    {
        var previous = new int[to.Length + 1];
        var current = new int[to.Length + 1];
        for (var j = 0; j <= to.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= from.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= to.Length; j++)
            {
                var substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[to.Length];
    }
}
