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
    /// equal set, but builds on <paramref name="previous"/>. Against the same inventory object, with
    /// a few policies edited, added or removed and the same ipBlock prefixes named, only the rule
    /// tables of the groups the changes select are compiled (<see cref="EditCompiler"/>). Otherwise
    /// the identities and prefix table are reused when the inventory object and the named prefixes
    /// are the same, and the rules compiled again. The same policies against another inventory
    /// whose workloads only came, went or changed address, keeping every workload group and
    /// identity, take the previous set's rule tables, and only the identities and prefixes are built.
    /// </summary>
    public static PolicySet Compile(IReadOnlyList<NetworkPolicy> policies, WorkloadInventory inventory, PolicySet? previous)
    {
        if (previous is not null
            && ReferenceEquals(inventory, previous.Inventory)
            && PolicyEdits.Find(previous.Policies, policies) is { } edits
            && NameTheSamePrefixes(edits, previous, policies)
            && previous.Order.Edit(edits.Continued) is { } editedOrder)
        {
            return EditCompiler.Compile(previous, policies, edits, editedOrder);
        }

        var named = CidrCells.NamedBy(policies);
        var compiled = previous?.Compiled is { } reusable && reusable.Fits(inventory, named)
            ? reusable
            : new CompiledInventory(inventory, named);
        // The same policy objects in the same order, as policy files read again unchanged give.
        if (previous is not null && !ReferenceEquals(compiled, previous.Compiled)
            && Enumerable.SequenceEqual(previous.Policies, policies, ReferenceEqualityComparer.Instance)
            && compiled.HasIdentitiesOf(previous.Compiled))
        {
            return WithRulesOf(previous, compiled);
        }

        var groups = compiled.Groups;
        var selections = new SelectorCache(groups);
        var emitter = new RuleEmitter(groups, compiled.Identities, new PeerResolver(groups, selections, compiled.Cells, compiled.Identities));
        var ingress = new RuleTableBuilder?[groups.All.Length];
        var egress = new RuleTableBuilder?[groups.All.Length];
        var rules = ImmutableArray.CreateBuilder<RuleReference>();

        var order = PolicyOrder.Fresh(policies.Count);
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

                emitter.EmitPolicy(policy, order.Rank(index), direction, subjects, direction == Direction.Ingress ? ingress : egress);
                for (var r = 0; r < policy.Rules(direction).Length; r++)
                {
                    rules.Add(new RuleReference(policy, direction, r));
                }
            }
        }

        return new PolicySet(
            [.. policies],
            compiled,
            order,
            rules.ToImmutable(),
            [.. ingress.Select(builder => builder?.Build())],
            [.. egress.Select(builder => builder?.Build())]);
    }

    /// <summary>
    /// The previous set's policies and rule tables against another compiled inventory with the
    /// same identities (<see cref="CompiledInventory.HasIdentitiesOf"/>): what an inventory whose
    /// workloads only came, went or changed address compiles to. No rule is compiled or hashed
    /// again; the set is not an edit of the previous one, since its prefixes differ.
    /// </summary>
    private static PolicySet WithRulesOf(PolicySet previous, CompiledInventory compiled)
    {
        var groups = compiled.Groups.All.Length;
        return new PolicySet(
            previous.Policies,
            compiled,
            previous.Order,
            previous.Rules,
            [.. Enumerable.Range(0, groups).Select(group => previous.GroupTable(group, Direction.Ingress))],
            [.. Enumerable.Range(0, groups).Select(group => previous.GroupTable(group, Direction.Egress))],
            sidesOf: previous);
    }

    /// <summary>
    /// Whether the policies name the prefixes the previous set's policies named. It is enough that the
    /// changed policies still name what they named before and name nothing no policy named; a policy
    /// removed with a prefix of its own needs the whole list asked.
    /// </summary>
    private static bool NameTheSamePrefixes(PolicyEdits edits, PolicySet previous, IReadOnlyList<NetworkPolicy> policies)
    {
        var before = CidrCells.NamedBy([.. edits.Replaced.Select(i => previous.Policies[i])]);
        var after = CidrCells.NamedBy([.. edits.Edited.Select(i => policies[i])]);
        return after.All(previous.Compiled.Cells.Has)
            && (before.IsSubsetOf(after) || previous.Compiled.Cells.AreOf(CidrCells.NamedBy(policies)));
    }
}
