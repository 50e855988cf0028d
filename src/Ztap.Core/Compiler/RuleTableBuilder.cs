namespace Ztap.Core.Compiler;

/// <summary>Accumulates a group's isolating policies and allowed entries for one direction while policies are compiled.</summary>
internal sealed class RuleTableBuilder
{
    private readonly List<int> _isolating = [];
    private readonly Dictionary<long, List<(int From, int To, int Rule)>> _allowed = [];
    private readonly List<BlockAllow> _blocks = [];

    /// <summary>Records that a policy isolates this group; policies arrive in order, so a repeat is the last one added.</summary>
    public void Isolate(int policy)
    {
        if (_isolating.Count == 0 || _isolating[^1] != policy)
        {
            _isolating.Add(policy);
        }
    }

    public void Allow(int peer, byte protocol, int from, int to, int rule)
    {
        var key = RuleTable.Key(peer, protocol);
        if (!_allowed.TryGetValue(key, out var list))
        {
            list = [];
            _allowed.Add(key, list);
        }

        list.Add((from, to, rule));
    }

    public void AllowBlock(BlockAllow block) => _blocks.Add(block);

    public RuleTable Build()
    {
        var keys = new long[_allowed.Count];
        var lists = new PortAllowList[_allowed.Count];
        var next = 0;
        foreach (var (key, entries) in _allowed)
        {
            keys[next] = key;
            lists[next++] = Freeze(entries);
        }

        Array.Sort(keys, lists);
        return new RuleTable([.. _isolating], keys, lists, [.. _blocks]);
    }

    // The same range from several rules keeps the first rule, which is the one explanations name.
    private static PortAllowList Freeze(List<(int From, int To, int Rule)> entries)
    {
        entries.Sort();
        var from = new List<int>(entries.Count);
        var to = new List<int>(entries.Count);
        var rules = new List<int>(entries.Count);
        foreach (var (start, end, rule) in entries)
        {
            if (from.Count > 0 && from[^1] == start && to[^1] == end)
            {
                continue;
            }

            from.Add(start);
            to.Add(end);
            rules.Add(rule);
        }

        return new PortAllowList([.. from], [.. to], [.. rules]);
    }
}
