using System.Collections.Immutable;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Compiles a previous set's policies with a few of them edited (<see cref="PolicyEdits"/>) against
/// the same compiled inventory: only the rule tables of the groups an edited policy selects, before
/// or after the edit, are built again, from the policies that isolate them; every other table is the
/// previous set's own. The set equals what a full compilation gives.
/// </summary>
internal static class EditCompiler
{
    public static PolicySet Compile(PolicySet previous, IReadOnlyList<NetworkPolicy> policies, int[] edited)
    {
        var compiled = previous.Compiled;
        var groups = compiled.Groups;
        var selections = new SelectorCache(groups);
        var emitter = new RuleEmitter(groups, compiled.Identities, new PeerResolver(groups, selections, compiled.Cells, compiled.Identities));
        var rebuilt = new HashSet<int>();
        var ingress = Recompile(Direction.Ingress, previous, policies, edited, selections, emitter, rebuilt);
        var egress = Recompile(Direction.Egress, previous, policies, edited, selections, emitter, rebuilt);
        return new PolicySet([.. policies], compiled, Rules(previous, policies, edited), ingress, egress, previous, rebuilt);
    }

    /// <summary>The set's rule list: the previous set's own references for unedited policies, whose positions move when an edit adds or removes a rule.</summary>
    private static ImmutableArray<RuleReference> Rules(PolicySet previous, IReadOnlyList<NetworkPolicy> policies, int[] edited)
    {
        var rules = ImmutableArray.CreateBuilder<RuleReference>(previous.Rules.Length);
        for (var index = 0; index < policies.Count; index++)
        {
            var isEdited = Array.BinarySearch(edited, index) >= 0;
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                for (var r = 0; r < RuleLayout.Count(policies[index], direction); r++)
                {
                    rules.Add(isEdited ? new RuleReference(policies[index], direction, r) : previous.Rule(RuleKey.Of(index, r), direction));
                }
            }
        }

        return rules.DrainToImmutable();
    }

    private static RuleTable?[] Recompile(
        Direction direction,
        PolicySet previous,
        IReadOnlyList<NetworkPolicy> policies,
        int[] edited,
        SelectorCache selections,
        RuleEmitter emitter,
        HashSet<int> rebuilt)
    {
        var tables = new RuleTable?[previous.Compiled.Groups.All.Length];
        for (var group = 0; group < tables.Length; group++)
        {
            tables[group] = previous.GroupTable(group, direction);
        }

        // Every group an edited policy isolates before or after the edit, with the edited policies isolating it after.
        var touched = new SortedDictionary<int, List<int>>();
        foreach (var index in edited)
        {
            var (before, after) = (previous.Policies[index], policies[index]);
            if (before.Isolates(direction))
            {
                foreach (var group in selections.Select(before.Namespace, before.PodSelector))
                {
                    touched.TryAdd(group, []);
                }
            }

            if (after.Isolates(direction))
            {
                foreach (var group in selections.Select(after.Namespace, after.PodSelector))
                {
                    (touched.TryGetValue(group, out var isolating) ? isolating : touched[group] = []).Add(index);
                }
            }
        }

        var builders = new RuleTableBuilder?[tables.Length];
        foreach (var (group, isolatingAfterEdit) in touched)
        {
            var unedited = tables[group]?.IsolatingPolicies.Where(p => Array.BinarySearch(edited, p) < 0) ?? [];
            int[] subject = [group];
            foreach (var index in unedited.Concat(isolatingAfterEdit).Order())
            {
                emitter.EmitPolicy(policies[index], index, direction, subject, builders);
            }

            tables[group] = builders[group]?.Build();
            rebuilt.Add(group);
        }

        return tables;
    }
}
