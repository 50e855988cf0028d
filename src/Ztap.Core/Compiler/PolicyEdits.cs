using System.Collections.Immutable;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// The policies edited since a previous compilation, when that is all that changed in their list:
/// as many policies, and at each position the same policy object or an edited one, with rules added,
/// removed or changed. Every policy then keeps its position and every unedited rule its
/// <see cref="RuleKey"/>, so a rule table no edited policy selects compiles to exactly what it was.
/// </summary>
internal static class PolicyEdits
{
    // Past a tenth of the policies (and a few), finding the tables edits touch saves little over compiling everything.
    private const int FewEdits = 4;

    /// <summary>The positions of the edited policies, or null when the list changed in any other way or too much.</summary>
    public static int[]? Find(ImmutableArray<NetworkPolicy> previous, IReadOnlyList<NetworkPolicy> policies)
    {
        if (previous.Length != policies.Count)
        {
            return null;
        }

        var edited = new List<int>();
        var limit = Math.Max(FewEdits, policies.Count / 10);
        for (var index = 0; index < policies.Count; index++)
        {
            var (before, after) = (previous[index], policies[index]);
            if (ReferenceEquals(before, after))
            {
                continue;
            }

            if (edited.Count >= limit)
            {
                return null;
            }

            edited.Add(index);
        }

        return [.. edited];
    }
}
