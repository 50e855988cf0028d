namespace Ztap.Core.Compiler;

/// <summary>
/// The port ranges allowed for one (peer, protocol) pair of a rule table, sorted by range, each with
/// the first rule that allows it: a slice of the table's one array of ranges, so a table costs a
/// few arrays rather than a few per key. Lists are short, so a linear scan beats anything cleverer.
/// </summary>
internal readonly struct PortAllowList(PortAllow[] ports, int start, int end)
{
    public int Count => end - start;

    public PortAllow this[int index] => ports[start + index];

    public bool Allows(int port)
    {
        for (var i = start; i < end; i++)
        {
            if (port >= ports[i].From && port <= ports[i].To)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first rule allowing the port, or <see cref="RuleKey.None"/> when none does.</summary>
    public RuleKey FirstRule(int port)
    {
        var first = RuleKey.None;
        for (var i = start; i < end; i++)
        {
            if (port >= ports[i].From && port <= ports[i].To)
            {
                first = RuleKey.Min(first, ports[i].Rule);
            }
        }

        return first;
    }
}
