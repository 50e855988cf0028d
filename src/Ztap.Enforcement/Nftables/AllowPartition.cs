namespace Ztap.Enforcement.Nftables;

/// <summary>
/// Turns overlapping allow elements into disjoint ones covering exactly the same addresses and
/// ports, each labelled with the lowest rule allowing it. nftables refuses overlapping elements in
/// an interval map, and disjoint elements let one lookup name the rule to count.
/// </summary>
internal static class AllowPartition
{
    public static List<AllowElement> Of(IReadOnlyList<AllowElement> elements, bool isV4)
    {
        var byFirst = elements.OrderBy(e => e.First).ToArray();
        var bounds = new SortedSet<UInt128>();
        foreach (var element in byFirst)
        {
            bounds.Add(element.First);
            if (element.Last < AddressRange.MaxOf(isV4))
            {
                bounds.Add(element.Last + 1);
            }
        }

        var result = new List<AllowElement>();
        var active = new List<AllowElement>();
        var next = 0;
        List<(int From, int To, int Rule)>? run = null;
        UInt128 runFirst = 0, runLast = 0;
        using var cursor = bounds.GetEnumerator();
        var more = cursor.MoveNext();
        while (more)
        {
            var start = cursor.Current;
            more = cursor.MoveNext();
            var end = more ? cursor.Current - 1 : AddressRange.MaxOf(isV4);
            active.RemoveAll(e => e.Last < start);
            while (next < byFirst.Length && byFirst[next].First == start)
            {
                active.Add(byFirst[next++]);
            }

            var ports = active.Count == 0 ? null : Ports(active);
            if (run is not null && ports is not null && runLast + 1 == start && run.SequenceEqual(ports))
            {
                runLast = end;
                continue;
            }

            Flush(result, run, runFirst, runLast);
            (run, runFirst, runLast) = (ports, start, end);
        }

        Flush(result, run, runFirst, runLast);
        return result;
    }

    /// <summary>The ports the active elements allow, as disjoint ranges labelled with the lowest rule.</summary>
    private static List<(int From, int To, int Rule)> Ports(List<AllowElement> active)
    {
        var bounds = new SortedSet<int>();
        foreach (var element in active)
        {
            bounds.Add(element.FromPort);
            bounds.Add(element.ToPort + 1);
        }

        var ports = new List<(int From, int To, int Rule)>();
        using var cursor = bounds.GetEnumerator();
        var more = cursor.MoveNext();
        while (more)
        {
            var from = cursor.Current;
            more = cursor.MoveNext();
            if (!more)
            {
                break;
            }

            var to = cursor.Current - 1;
            var rule = int.MaxValue;
            foreach (var element in active)
            {
                if (element.FromPort <= from && element.ToPort >= to)
                {
                    rule = Math.Min(rule, element.Rule);
                }
            }

            if (rule == int.MaxValue)
            {
                continue;
            }

            if (ports.Count > 0 && ports[^1].To + 1 == from && ports[^1].Rule == rule)
            {
                ports[^1] = ports[^1] with { To = to };
            }
            else
            {
                ports.Add((from, to, rule));
            }
        }

        return ports;
    }

    private static void Flush(List<AllowElement> result, List<(int From, int To, int Rule)>? run, UInt128 first, UInt128 last)
    {
        foreach (var (from, to, rule) in run ?? [])
        {
            result.Add(new AllowElement(first, last, from, to, rule));
        }
    }
}
