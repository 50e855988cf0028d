using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using CsCheck;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Tests.Engine;

namespace Ztap.Core.Tests.Compiler;

public sealed class RecompileTests
{
    [Fact]
    public void Compiling_with_a_previous_set_gives_the_set_a_full_compile_gives()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var policies = scenario.Policies;
            var full = PolicyCompiler.Compile(policies, scenario.Inventory);

            // Reversed policies name the same prefixes, so their set is reused; without the first
            // policy the prefixes may differ, and then nothing is.
            foreach (var earlier in new[] { policies.Reverse().ToArray(), policies.Skip(1).ToArray() })
            {
                var previous = PolicyCompiler.Compile(earlier, scenario.Inventory);
                AssertEqual(full, PolicyCompiler.Compile(policies, scenario.Inventory, previous), scenario);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Compiling_an_edit_of_a_previous_set_gives_the_set_a_full_compile_gives()
    {
        var keptSides = 0;
        var movedRules = 0;
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var policies = scenario.Policies;
            var full = PolicyCompiler.Compile(policies, scenario.Inventory);

            // Two edits in a row, so the second builds on a set that was itself compiled from an edit.
            var first = PolicyCompiler.Compile(Edited(policies, shift: 1), scenario.Inventory);
            var secondPolicies = Edited(policies, shift: 2);
            var second = PolicyCompiler.Compile(secondPolicies, scenario.Inventory, first);
            AssertEqual(PolicyCompiler.Compile(secondPolicies, scenario.Inventory), second, scenario);
            var actual = PolicyCompiler.Compile(policies, scenario.Inventory, second);
            AssertEqual(full, actual, scenario);
            if (actual.IsEditOf(second) && actual.Rules.Length != second.Rules.Length)
            {
                movedRules++;
            }

            keptSides += AssertKeptSides(second, actual);
        }, iter: 1000);

        Assert.True(keptSides > 0, "no edit was compiled from its previous set");
        Assert.True(movedRules > 0, "no edit that adds or removes rules was compiled from its previous set");
    }

    [Fact]
    public void Compiling_policies_added_and_removed_gives_the_set_a_full_compile_gives()
    {
        var edits = 0;
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var policies = scenario.Policies;
            var previous = PolicyCompiler.Compile(policies, scenario.Inventory);

            // Policies added and removed, then the original back: the last builds on an edited set.
            foreach (var shift in new[] { 0, 1, 2 })
            {
                var changed = Reshaped(policies, shift);
                var actual = PolicyCompiler.Compile(changed, scenario.Inventory, previous);
                AssertEqual(PolicyCompiler.Compile(changed, scenario.Inventory), actual, scenario);
                AssertKeptSides(previous, actual);
                edits += actual.IsEditOf(previous) ? 1 : 0;
                previous = actual;
            }

            var restored = PolicyCompiler.Compile(policies, scenario.Inventory, previous);
            AssertEqual(PolicyCompiler.Compile(policies, scenario.Inventory), restored, scenario);
            AssertKeptSides(previous, restored);
        }, iter: 1000);

        Assert.True(edits > 1000, $"only {edits} of 3000 changes were compiled as edits");
    }

    [Fact]
    public void Compiling_against_an_inventory_with_one_more_workload_gives_the_set_a_full_compile_gives()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var other = new Ztap.Core.Inventory.WorkloadInventory(scenario.Inventory.Namespaces, scenario.Inventory.Workloads.Skip(1));
            var previous = PolicyCompiler.Compile(scenario.Policies, other);
            AssertEqual(
                PolicyCompiler.Compile(scenario.Policies, scenario.Inventory),
                PolicyCompiler.Compile(scenario.Policies, scenario.Inventory, previous),
                scenario);
        }, iter: 300);
    }

    [Fact]
    public void Compiling_against_an_inventory_whose_workloads_came_or_moved_or_whose_namespaces_changed_gives_the_set_a_full_compile_gives()
    {
        var shared = 0;
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var previous = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            foreach (var changed in new[] { WithReplica(scenario.Inventory), WithFirstMoved(scenario.Inventory), WithNamespacesRelabelled(scenario.Inventory) })
            {
                var actual = PolicyCompiler.Compile(scenario.Policies, changed, previous);
                AssertEqual(PolicyCompiler.Compile(scenario.Policies, changed), actual, scenario);
                Assert.False(actual.IsEditOf(previous));
                var sharesTables = SharesEveryRuleTable(previous, actual);
                shared += sharesTables ? 1 : 0;
                Assert.True(!sharesTables || actual.HasSidesOf(previous), "a set with the previous rule tables does not say it has its sides");
                if (actual.HasSidesOf(previous))
                {
                    AssertSameSides(previous, actual);
                }
            }
        }, iter: 2000);

        Assert.True(shared > 0, "no set took its rule tables from the previous one");
    }

    /// <summary>The inventory with a copy of its first workload at an address no workload has.</summary>
    private static WorkloadInventory WithReplica(WorkloadInventory inventory)
    {
        if (inventory.Workloads.IsEmpty)
        {
            return inventory;
        }

        var first = inventory.Workloads[0];
        var replica = first with { Name = "replica", Addresses = [Elsewhere(first.Addresses[0], 0)] };
        return new WorkloadInventory(inventory.Namespaces, inventory.Workloads.Add(replica));
    }

    /// <summary>The inventory with its first workload's addresses replaced by addresses no workload has.</summary>
    private static WorkloadInventory WithFirstMoved(WorkloadInventory inventory)
    {
        if (inventory.Workloads.IsEmpty)
        {
            return inventory;
        }

        var first = inventory.Workloads[0];
        var moved = first with { Addresses = [.. first.Addresses.Select((address, i) => Elsewhere(address, i + 1))] };
        return new WorkloadInventory(inventory.Namespaces, inventory.Workloads.SetItem(0, moved));
    }

    /// <summary>The inventory with each namespace given the labels of the next, so namespace selectors pick others.</summary>
    private static WorkloadInventory WithNamespacesRelabelled(WorkloadInventory inventory)
    {
        var namespaces = inventory.Namespaces;
        return new WorkloadInventory(
            namespaces.Select((ns, i) => WorkloadNamespace.Create(ns.Name, namespaces[(i + 1) % namespaces.Length].Labels)),
            inventory.Workloads);
    }

    // Scenarios give workloads the hosts 0-63 of 10.0.0.0 and fd00::; these are past them, in or out of a policy's CIDRs.
    private static IPAddress Elsewhere(IPAddress like, int n) =>
        IPAddress.Parse(like.AddressFamily == AddressFamily.InterNetwork ? $"10.0.0.{100 + n}" : $"fd00::{0x100 + n:x}");

    private static bool SharesEveryRuleTable(PolicySet previous, PolicySet actual)
    {
        var groups = actual.Compiled.Groups.All.Length;
        return Enumerable.Range(0, groups).Any(group => previous.GroupTable(group, Direction.Ingress) is not null || previous.GroupTable(group, Direction.Egress) is not null)
            && Enumerable.Range(0, groups).All(group =>
                ReferenceEquals(previous.GroupTable(group, Direction.Ingress), actual.GroupTable(group, Direction.Ingress))
                && ReferenceEquals(previous.GroupTable(group, Direction.Egress), actual.GroupTable(group, Direction.Egress)));
    }

    /// <summary>Asserts that every side has the rules it had, and every ipBlock prefix the identity it had.</summary>
    private static void AssertSameSides(PolicySet previous, PolicySet actual)
    {
        foreach (var identity in actual.Identities)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                var (before, after) = (previous.RulesOf(identity, direction), actual.RulesOf(identity, direction));
                Assert.Equal(before.Entries.AsEnumerable(), after.Entries.AsEnumerable());
                Assert.Equal(before.Blocks.AsEnumerable(), after.Blocks.AsEnumerable());
                Assert.Equal(before.IsolatingNumbers.AsEnumerable(), after.IsolatingNumbers.AsEnumerable());
                foreach (var prefix in after.Blocks.SelectMany(block => block.Block.Except.Add(block.Block.Cidr)))
                {
                    Assert.Equal(previous.Prefixes.Single(p => p.Prefix == prefix).Identity, actual.Prefixes.Single(p => p.Prefix == prefix).Identity);
                }
            }
        }
    }

    /// <summary>
    /// Asserts that the sides an edit did not compile anew have exactly the entries they had, down to
    /// policy numbers and ranks; a full compilation (too many edits, other prefixes) says nothing of
    /// what it kept. Returns how many sides were kept.
    /// </summary>
    private static int AssertKeptSides(PolicySet previous, PolicySet actual)
    {
        var kept = 0;
        var changed = actual.SidesChangedSince(previous);
        foreach (var identity in changed is null ? [] : actual.Identities)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                if (!changed!.Contains((identity, direction)))
                {
                    kept++;
                    Assert.Equal(previous.RulesOf(identity, direction).Entries.AsEnumerable(), actual.RulesOf(identity, direction).Entries.AsEnumerable());
                    Assert.Equal(previous.RulesOf(identity, direction).Blocks.AsEnumerable(), actual.RulesOf(identity, direction).Blocks.AsEnumerable());
                    Assert.Equal(previous.RulesOf(identity, direction).IsolatingNumbers.AsEnumerable(), actual.RulesOf(identity, direction).IsolatingNumbers.AsEnumerable());
                }
            }
        }

        return kept;
    }

    private static void AssertEqual(PolicySet expected, PolicySet actual, Scenario scenario)
    {
        Assert.Equal(expected.Version, actual.Version);
        // Immutable arrays compare by reference, so they are compared as sequences; identities hold one.
        Assert.Equal(expected.Identities.Select(Describe), actual.Identities.Select(Describe));
        Assert.Equal(expected.Prefixes.AsEnumerable(), actual.Prefixes.AsEnumerable());
        Assert.Equal(expected.Rules.AsEnumerable(), actual.Rules.AsEnumerable());
        foreach (var identity in expected.Identities)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                var want = expected.RulesOf(identity, direction);
                var got = actual.RulesOf(identity, direction);
                Assert.Equal(want.IsolatingPolicies.AsEnumerable(), got.IsolatingPolicies.AsEnumerable());
                Assert.Equal(got.IsolatingPolicies.AsEnumerable(), got.IsolatingNumbers.Select(n => actual.PolicyByNumber(n)!));

                // Numbers and ranks depend on the edits that led to a set; what they name may not.
                Assert.Equal(want.Entries.Select(e => e with { PolicyNumber = 0, PolicyRank = 0 }), got.Entries.Select(e => e with { PolicyNumber = 0, PolicyRank = 0 }));
                Assert.Equal(want.Blocks.Select(b => b with { PolicyNumber = 0, PolicyRank = 0 }), got.Blocks.Select(b => b with { PolicyNumber = 0, PolicyRank = 0 }));
                Assert.All(got.Entries, e => Assert.Same(e.Rule.Policy, actual.PolicyByNumber(e.PolicyNumber)));
                Assert.All(got.Blocks, b => Assert.Same(b.Rule.Policy, actual.PolicyByNumber(b.PolicyNumber)));
            }
        }

        AssertRanksFollowPolicyOrder(actual);

        var expectedEngine = new PolicyEngine(expected);
        var actualEngine = new PolicyEngine(actual);
        foreach (var flow in scenario.Flows)
        {
            Assert.Equal(expectedEngine.Decide(flow), actualEngine.Decide(flow));
        }
    }

    /// <summary>
    /// The policies with the first one and every third from <paramref name="shift"/> edited in place:
    /// another policy's namespace and selector (and, for even shifts, its policy types, so a
    /// direction may start or stop being isolated), and its rules in reverse order with the first
    /// one repeated at the end, in ingress for odd shifts and egress for even ones. A repeated rule
    /// names no new prefix, so the edit can build on the previous set while the rules after it move.
    /// </summary>
    private static NetworkPolicy[] Edited(IReadOnlyList<NetworkPolicy> policies, int shift)
    {
        var edited = policies.ToArray();
        for (var i = 0; i < edited.Length; i++)
        {
            if (i % 3 == shift % 3 || i == 0)
            {
                var other = policies[(i + shift) % policies.Count];
                edited[i] = edited[i] with
                {
                    Namespace = other.Namespace,
                    PodSelector = other.PodSelector,
                    PolicyTypes = shift % 2 == 0 ? other.PolicyTypes : edited[i].PolicyTypes,
                    Ingress = Reversed(edited[i].Ingress, repeatFirst: shift % 2 == 1),
                    Egress = Reversed(edited[i].Egress, repeatFirst: shift % 2 == 0),
                };
            }
        }

        return edited;
    }

    /// <summary>Ranks name policies in set order: a later policy's entries never outrank an earlier one's.</summary>
    private static void AssertRanksFollowPolicyOrder(PolicySet set)
    {
        var positionOf = new Dictionary<NetworkPolicy, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < set.Policies.Length; i++)
        {
            positionOf[set.Policies[i]] = i;
        }

        var ranks = set.Identities
            .SelectMany(i => new[] { Direction.Ingress, Direction.Egress }.Select(d => set.RulesOf(i, d)))
            .SelectMany(r => r.Entries.Select(e => (Position: positionOf[e.Rule.Policy], Rank: e.PolicyRank))
                .Concat(r.Blocks.Select(b => (Position: positionOf[b.Rule.Policy], Rank: b.PolicyRank))))
            .Distinct()
            .OrderBy(x => x.Position)
            .ToList();
        for (var i = 1; i < ranks.Count; i++)
        {
            Assert.True(ranks[i].Position > ranks[i - 1].Position && ranks[i].Rank > ranks[i - 1].Rank, $"rank {ranks[i].Rank} of policy {ranks[i].Position} after rank {ranks[i - 1].Rank} of policy {ranks[i - 1].Position}");
        }
    }

    /// <summary>
    /// The policies with one removed and renamed copies of others added: one before the rest, for
    /// some shifts two side by side, or one after the rest. A copy names the prefixes its original
    /// names, so the change can build on the previous set.
    /// </summary>
    private static NetworkPolicy[] Reshaped(IReadOnlyList<NetworkPolicy> policies, int shift)
    {
        if (policies.Count == 0)
        {
            return [];
        }

        var reshaped = policies.ToList();
        if (reshaped.Count > 1)
        {
            reshaped.RemoveAt(shift % reshaped.Count);
        }

        NetworkPolicy Copy(int i) => policies[(i + shift) % policies.Count] with { Name = $"copy-{shift}-{i}" };
        switch (shift)
        {
            case 0:
                reshaped.Insert(0, Copy(0));
                break;
            case 1:
                reshaped.Insert(reshaped.Count / 2, Copy(1));
                reshaped.Insert(reshaped.Count / 2, Copy(2));
                break;
            default:
                reshaped.Add(Copy(3));
                break;
        }

        return [.. reshaped];
    }

    private static ImmutableArray<PolicyRule> Reversed(ImmutableArray<PolicyRule> rules, bool repeatFirst) =>
        repeatFirst && !rules.IsEmpty ? [.. rules.Reverse(), rules[^1]] : [.. rules.Reverse()];

    private static string Describe(Identity identity) =>
        $"{identity.Number} {identity.Kind} {identity} [{string.Join(' ', identity.NamedPorts)}]";
}
