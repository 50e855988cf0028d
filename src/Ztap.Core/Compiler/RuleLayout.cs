using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Where each policy's rules sit in a set's rule list (<see cref="PolicySet.Rules"/>): policy by
/// policy, its ingress rules then its egress rules, for the directions it isolates. Rule tables hold
/// <see cref="RuleKey"/>s, which stay put when a policy gains a rule; this turns them into positions.
/// </summary>
internal sealed class RuleLayout
{
    private readonly int[] _first;
    private readonly int _count;

    public RuleLayout(IReadOnlyList<NetworkPolicy> policies)
    {
        _first = new int[policies.Count * 2];
        var next = 0;
        for (var policy = 0; policy < policies.Count; policy++)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                _first[(policy * 2) + (int)direction] = next;
                next += Count(policies[policy], direction);
            }
        }

        _count = next;
    }

    /// <summary>The position of the policy's first rule in the direction.</summary>
    public int First(int policy, Direction direction) => _first[(policy * 2) + (int)direction];

    /// <summary>Where all of the policy's rules are, in both directions: they are next to each other.</summary>
    public (int Start, int End) Block(int policy) =>
        (_first[policy * 2], policy * 2 + 2 < _first.Length ? _first[(policy * 2) + 2] : _count);

    /// <summary>How many positions the policy's rules take in the direction: none where it does not isolate.</summary>
    public static int Count(NetworkPolicy policy, Direction direction) =>
        policy.Isolates(direction) ? policy.Rules(direction).Length : 0;
}
