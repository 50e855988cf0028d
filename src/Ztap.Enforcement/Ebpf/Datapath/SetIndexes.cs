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

    public int Rule(RuleReference rule) => _rules[rule];

    public int Policy(NetworkPolicy policy) => _policies[policy];
}
