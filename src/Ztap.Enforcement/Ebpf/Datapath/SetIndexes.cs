using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// The positions of rules and policies in a <see cref="PolicySet"/>: the numbers the datapath
/// stores in its entries, counters and events, and ztap turns back into names.
/// </summary>
internal sealed class SetIndexes
{
    private readonly Dictionary<RuleReference, int> _rules;
    private readonly Dictionary<NetworkPolicy, int> _policies;

    public SetIndexes(PolicySet set)
    {
        _rules = new(set.Rules.Length, ReferenceEqualityComparer.Instance);
        for (var index = 0; index < set.Rules.Length; index++)
        {
            _rules.Add(set.Rules[index], index);
        }

        _policies = new(set.Policies.Length, ReferenceEqualityComparer.Instance);
        for (var index = 0; index < set.Policies.Length; index++)
        {
            _policies.Add(set.Policies[index], index);
        }
    }

    private SetIndexes(Dictionary<RuleReference, int> rules, Dictionary<NetworkPolicy, int> policies) =>
        (_rules, _policies) = (rules, policies);

    public int Rule(RuleReference rule) => _rules[rule];

    /// <summary>
    /// The indexes of <paramref name="set"/>, an in-place edit of <paramref name="earlier"/>, which
    /// these are the indexes of: the same positions, with the edited policies and their rules.
    /// </summary>
    public SetIndexes Edited(PolicySet earlier, PolicySet set) =>
        new(Patched(_rules, earlier.Rules, set.Rules), Patched(_policies, earlier.Policies, set.Policies));

    private static Dictionary<T, int> Patched<T>(Dictionary<T, int> indexes, ImmutableArray<T> earlier, ImmutableArray<T> now)
        where T : class
    {
        var patched = new Dictionary<T, int>(indexes, ReferenceEqualityComparer.Instance);
        for (var index = 0; index < now.Length; index++)
        {
            if (!ReferenceEquals(earlier[index], now[index]))
            {
                patched.Remove(earlier[index]);
                patched.Add(now[index], index);
            }
        }

        return patched;
    }

    public int Policy(NetworkPolicy policy) => _policies[policy];
}
