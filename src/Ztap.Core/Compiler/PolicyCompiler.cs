using System.Collections.Immutable;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Compiles validated policies against an inventory into a <see cref="PolicySet"/>. The same input
/// always gives the same set, down to identity numbers and version.
/// </summary>
public static class PolicyCompiler
{
    public static PolicySet Compile(IReadOnlyList<NetworkPolicy> policies, WorkloadInventory inventory) =>
        Compile(policies, inventory, previous: null);

    /// <summary>
    /// Compiles like <see cref="Compile(IReadOnlyList{NetworkPolicy}, WorkloadInventory)"/>, giving an
    /// equal set, but reuses the identities and prefix table of <paramref name="previous"/> when it was
    /// compiled against the same inventory object and its policies name the same ipBlock prefixes:
    /// then only the rules are compiled again, which is what an edited policy usually changes.
    /// </summary>
    public static PolicySet Compile(IReadOnlyList<NetworkPolicy> policies, WorkloadInventory inventory, PolicySet? previous)
    {
        var named = CidrCells.NamedBy(policies);
        var compiled = previous?.Compiled is { } reusable && reusable.Fits(inventory, named)
            ? reusable
            : new CompiledInventory(inventory, named);
        var groups = compiled.Groups;
        var selections = new SelectorCache(groups);
        var peers = new PeerResolver(groups, selections, compiled.Cells, compiled.Identities);
        var emitter = new RuleEmitter(groups, compiled.Identities, peers);
        var ingress = new RuleTableBuilder?[groups.All.Length];
        var egress = new RuleTableBuilder?[groups.All.Length];
        var rules = ImmutableArray.CreateBuilder<RuleReference>();

        for (var index = 0; index < policies.Count; index++)
        {
            var policy = policies[index];
            var subjects = selections.Select(policy.Namespace, policy.PodSelector);
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!policy.Isolates(direction))
                {
                    continue;
                }

                var tables = direction == Direction.Ingress ? ingress : egress;
                foreach (var subject in subjects)
                {
                    (tables[subject] ??= new RuleTableBuilder()).Isolate(index);
                }

                var policyRules = policy.Rules(direction);
                for (var r = 0; r < policyRules.Length; r++)
                {
                    emitter.Emit(policy, direction, policyRules[r], rules.Count, subjects, tables);
                    rules.Add(new RuleReference(policy, direction, r));
                }
            }
        }

        return new PolicySet(
            [.. policies],
            compiled,
            rules.ToImmutable(),
            [.. ingress.Select(builder => builder?.Build())],
            [.. egress.Select(builder => builder?.Build())]);
    }
}
