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
    public static PolicySet Compile(IReadOnlyList<NetworkPolicy> policies, WorkloadInventory inventory)
    {
        var cells = new CidrCells(policies);
        var groups = new WorkloadGroups(inventory);
        var identities = new IdentityTable(inventory, groups, cells);
        var peers = new PeerResolver(groups, cells, identities);
        var emitter = new RuleEmitter(groups, identities, peers);
        var ingress = new RuleTableBuilder?[groups.All.Length];
        var egress = new RuleTableBuilder?[groups.All.Length];
        var rules = ImmutableArray.CreateBuilder<RuleReference>();

        for (var index = 0; index < policies.Count; index++)
        {
            var policy = policies[index];
            var subjects = groups.Select(policy.Namespace, policy.PodSelector);
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
            inventory,
            cells,
            identities,
            rules.ToImmutable(),
            [.. ingress.Select(builder => builder?.Build())],
            [.. egress.Select(builder => builder?.Build())]);
    }
}
