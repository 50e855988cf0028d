using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// The positions of rules and policies in a <see cref="PolicySet"/>: the numbers the datapath
/// stores in its entries, counters and events, and ztap turns back into names.
/// </summary>
internal sealed class SetIndexes(PolicySet set)
{
    private readonly Dictionary<RuleReference, int> _rules = set.Rules
        .Select((rule, index) => KeyValuePair.Create(rule, index))
        .ToDictionary(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<NetworkPolicy, int> _policies = set.Policies
        .Select((policy, index) => KeyValuePair.Create(policy, index))
        .ToDictionary(ReferenceEqualityComparer.Instance);

    public int Rule(RuleReference rule) => _rules[rule];

    public int Policy(NetworkPolicy policy) => _policies[policy];
}
