namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Flattens overlapping allowed port ranges into disjoint segments, each labelled with the first
/// rule that allows it (the least), so one longest-prefix lookup answers both "allowed?" and "by which rule?"
/// the way <c>PolicyEngine.Explain</c> does.
/// </summary>
internal static class PortSegments
{
    // A list rather than any read-only list: the loop over every range for every segment then
    // walks it without an enumerator object each time.
    public static List<(int From, int To, TRule Rule)> Flatten<TRule>(List<(int From, int To, TRule Rule)> ranges)
        where TRule : struct, IComparable<TRule>, IEquatable<TRule>
    {
        var points = new int[ranges.Count * 2];
        for (var i = 0; i < ranges.Count; i++)
        {
            (points[2 * i], points[(2 * i) + 1]) = (ranges[i].From, ranges[i].To + 1);
        }

        Array.Sort(points);
        var segments = new List<(int From, int To, TRule Rule)>();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            if (points[i] == points[i + 1])
            {
                continue;
            }

            var (start, end) = (points[i], points[i + 1] - 1);
            TRule? first = null;
            foreach (var range in ranges)
            {
                if (range.From <= start && end <= range.To && (first is not { } earlier || range.Rule.CompareTo(earlier) < 0))
                {
                    first = range.Rule;
                }
            }

            if (first is not { } rule)
            {
                continue;
            }

            if (segments.Count > 0 && segments[^1].To + 1 == start && segments[^1].Rule.Equals(rule))
            {
                segments[^1] = (segments[^1].From, end, rule);
            }
            else
            {
                segments.Add((start, end, rule));
            }
        }

        return segments;
    }
}
