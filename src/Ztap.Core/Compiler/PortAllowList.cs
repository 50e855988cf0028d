namespace Ztap.Core.Compiler;

/// <summary>
/// The port ranges allowed for one (peer, protocol) pair of a rule table, each with the rule that
/// allows it. Lists are short, so a linear scan beats anything cleverer.
/// </summary>
internal sealed class PortAllowList(int[] from, int[] to, int[] rules)
{
    public int Count => from.Length;

    public bool Allows(int port)
    {
        for (var i = 0; i < from.Length; i++)
        {
            if (port >= from[i] && port <= to[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest-numbered rule allowing the port, or <see cref="int.MaxValue"/> when none does.</summary>
    public int FirstRule(int port)
    {
        var first = int.MaxValue;
        for (var i = 0; i < from.Length; i++)
        {
            if (port >= from[i] && port <= to[i] && rules[i] < first)
            {
                first = rules[i];
            }
        }

        return first;
    }

    public (int From, int To, int Rule) this[int index] => (from[index], to[index], rules[index]);
}
