using System.Collections.Immutable;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// How a policy list differs from a previous compilation's, when it differs by a few policies edited,
/// added or removed and the rest are the same objects in the same order. A policy that takes the
/// place of a previous one between the same unchanged neighbours continues it as an edit; what is
/// left over on either side was added or removed. Every continued policy keeps its rank and number
/// (<see cref="PolicyOrder"/>), and every unchanged rule its <see cref="RuleKey"/>, so a rule table no
/// changed policy selects compiles to exactly what it was.
/// </summary>
internal sealed class PolicyEdits
{
    // Past a tenth of the policies (and a few), finding the tables edits touch saves little over compiling everything.
    private const int FewEdits = 4;

    private PolicyEdits(int[] continued, int[] edited, int[] removed)
    {
        Continued = continued;
        Edited = edited;
        Removed = removed;
    }

    /// <summary>For each policy, the previous position of the policy it is or continues; -1 for one added.</summary>
    public int[] Continued { get; }

    /// <summary>The positions, ascending, of the policies edited or added.</summary>
    public int[] Edited { get; }

    /// <summary>The previous positions, ascending, of the policies removed.</summary>
    public int[] Removed { get; }

    /// <summary>The previous positions of the policies edited or removed.</summary>
    public IEnumerable<int> Replaced => Edited.Select(p => Continued[p]).Where(p => p >= 0).Concat(Removed);

    /// <summary>The edits, or null when the list changed in another way (policies reordered) or too much.</summary>
    public static PolicyEdits? Find(ImmutableArray<NetworkPolicy> previous, IReadOnlyList<NetworkPolicy> policies)
    {
        var limit = Math.Max(FewEdits, Math.Max(previous.Length, policies.Count) / 10);
        if (Math.Abs(previous.Length - policies.Count) > limit)
        {
            return null;
        }

        // Edits are usually a few neighbours in one file; the lists agree before and after them.
        var head = 0;
        while (head < previous.Length && head < policies.Count && ReferenceEquals(previous[head], policies[head]))
        {
            head++;
        }

        var tail = 0;
        while (tail < previous.Length - head && tail < policies.Count - head
            && ReferenceEquals(previous[previous.Length - 1 - tail], policies[policies.Count - 1 - tail]))
        {
            tail++;
        }

        var continued = new int[policies.Count];
        for (var position = 0; position < head; position++)
        {
            continued[position] = position;
        }

        for (var t = 1; t <= tail; t++)
        {
            continued[policies.Count - t] = previous.Length - t;
        }

        var edits = new Alignment(previous, continued, limit);
        return edits.Align(policies, head, previous.Length - tail, policies.Count - tail)
            ? new PolicyEdits(continued, [.. edits.Edited], [.. edits.Removed])
            : null;
    }

    /// <summary>Aligns the middle of the lists, where they differ, on the previous policies found again in it.</summary>
    private sealed class Alignment(ImmutableArray<NetworkPolicy> previous, int[] continued, int limit)
    {
        public List<int> Edited { get; } = [];

        public List<int> Removed { get; } = [];

        public bool Align(IReadOnlyList<NetworkPolicy> policies, int start, int previousEnd, int end)
        {
            var earlier = new Dictionary<NetworkPolicy, int>(previousEnd - start, ReferenceEqualityComparer.Instance);
            for (var position = start; position < previousEnd; position++)
            {
                if (!earlier.TryAdd(previous[position], position))
                {
                    return false;
                }
            }

            // Between two policies found again, the previous ones left over and the current ones
            // pair up in order as edits; the rest were added or removed.
            var (previousRun, run) = (start, start);
            for (var position = start; position <= end; position++)
            {
                var found = position < end && earlier.TryGetValue(policies[position], out var was) ? was : -1;
                if (position < end && found < 0)
                {
                    continue;
                }

                var anchor = position < end ? found : previousEnd;
                if (anchor < previousRun || !Pair(previousRun, anchor, run, position))
                {
                    return false;
                }

                if (position < end)
                {
                    continued[position] = found;
                }

                (previousRun, run) = (anchor + 1, position + 1);
            }

            return true;
        }

        private bool Pair(int previousStart, int previousEnd, int start, int end)
        {
            for (var position = start; position < end; position++)
            {
                var paired = previousStart + (position - start);
                continued[position] = paired < previousEnd ? paired : -1;
                Edited.Add(position);
            }

            for (var position = previousStart + (end - start); position < previousEnd; position++)
            {
                Removed.Add(position);
            }

            return Edited.Count + Removed.Count <= limit;
        }
    }
}
