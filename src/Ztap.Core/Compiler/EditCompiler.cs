using System.Collections.Immutable;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Compiles a previous set's policies with a few of them edited, added or removed
/// (<see cref="PolicyEdits"/>) against the same compiled inventory: only the rule tables of the
/// groups a changed policy selects, before or after the change, are built again, from the
/// policies that isolate them; every other table is the previous set's own. The set equals what a
/// full compilation gives.
/// </summary>
internal static class EditCompiler
{
    public static PolicySet Compile(PolicySet previous, IReadOnlyList<NetworkPolicy> policies, PolicyEdits edits, PolicyOrder order)
    {
        var compiled = previous.Compiled;
        var groups = compiled.Groups;
        var selections = new SelectorCache(groups);
        var emitter = new RuleEmitter(groups, compiled.Identities, new PeerResolver(groups, selections, compiled.Cells, compiled.Identities));
        var rebuilt = new HashSet<int>();
        var change = new Change(previous, policies, edits, order);
        var ingress = change.Recompile(Direction.Ingress, selections, emitter, rebuilt);
        var egress = change.Recompile(Direction.Egress, selections, emitter, rebuilt);
        return new PolicySet([.. policies], compiled, order, change.Rules(), ingress, egress, previous, rebuilt);
    }

    private sealed class Change(PolicySet previous, IReadOnlyList<NetworkPolicy> policies, PolicyEdits edits, PolicyOrder order)
    {
        // The ranks of the previous policies edited or removed, which the tables listing them lose.
        private readonly HashSet<int> _changedRanks = [.. edits.Replaced.Select(previous.Order.Rank)];

        /// <summary>
        /// The set's rule list: the previous set's own references for unchanged policies, copied in
        /// blocks (their positions move when a change adds or removes a rule), and new ones for the
        /// policies edited or added.
        /// </summary>
        public ImmutableArray<RuleReference> Rules()
        {
            var rules = ImmutableArray.CreateBuilder<RuleReference>(previous.Rules.Length);
            var (copyStart, copyEnd) = (0, 0);
            for (var index = 0; index < policies.Count; index++)
            {
                if (Array.BinarySearch(edits.Edited, index) < 0)
                {
                    var (start, end) = previous.Layout.Block(edits.Continued[index]);
                    if (start != copyEnd)
                    {
                        rules.AddRange(previous.Rules.AsSpan(copyStart, copyEnd - copyStart));
                        copyStart = start;
                    }

                    copyEnd = end;
                    continue;
                }

                rules.AddRange(previous.Rules.AsSpan(copyStart, copyEnd - copyStart));
                (copyStart, copyEnd) = (0, 0);
                foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
                {
                    for (var r = 0; r < RuleLayout.Count(policies[index], direction); r++)
                    {
                        rules.Add(new RuleReference(policies[index], direction, r));
                    }
                }
            }

            rules.AddRange(previous.Rules.AsSpan(copyStart, copyEnd - copyStart));
            return rules.DrainToImmutable();
        }

        public RuleTable?[] Recompile(Direction direction, SelectorCache selections, RuleEmitter emitter, HashSet<int> rebuilt)
        {
            var tables = new RuleTable?[previous.Compiled.Groups.All.Length];
            for (var group = 0; group < tables.Length; group++)
            {
                tables[group] = previous.GroupTable(group, direction);
            }

            // Every group a changed policy isolates before or after the change, with the edited and added policies isolating it after.
            var touched = new SortedDictionary<int, List<int>>();
            foreach (var before in edits.Replaced)
            {
                var policy = previous.Policies[before];
                if (policy.Isolates(direction))
                {
                    foreach (var group in selections.Select(policy.Namespace, policy.PodSelector))
                    {
                        touched.TryAdd(group, []);
                    }
                }
            }

            foreach (var index in edits.Edited)
            {
                var policy = policies[index];
                if (policy.Isolates(direction))
                {
                    foreach (var group in selections.Select(policy.Namespace, policy.PodSelector))
                    {
                        (touched.TryGetValue(group, out var isolating) ? isolating : touched[group] = []).Add(index);
                    }
                }
            }

            var builders = new RuleTableBuilder?[tables.Length];
            foreach (var (group, isolatingAfterChange) in touched)
            {
                var unchanged = tables[group]?.IsolatingPolicies.Where(rank => !_changedRanks.Contains(rank)).Select(order.PositionOfRank) ?? [];
                int[] subject = [group];
                foreach (var index in unchanged.Concat(isolatingAfterChange).Order())
                {
                    emitter.EmitPolicy(policies[index], order.Rank(index), direction, subject, builders);
                }

                tables[group] = builders[group]?.Build();
                rebuilt.Add(group);
            }

            return tables;
        }
    }
}
