using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

public sealed class DatapathImageTests
{
    private static readonly (Protocol Protocol, int Port)[] Services =
    [
        (Protocol.Tcp, 80), (Protocol.Tcp, 443), (Protocol.Tcp, 7999), (Protocol.Tcp, 8000), (Protocol.Tcp, 8002),
        (Protocol.Tcp, 8003), (Protocol.Udp, 53), (Protocol.Udp, 6999), (Protocol.Udp, 7000), (Protocol.Udp, 7999),
        (Protocol.Udp, 8000), (Protocol.Icmp, 0), (Protocol.Sctp, 80), (Protocol.Tcp, 8443),
    ];

    [Fact]
    public void The_entries_decide_every_flow_as_the_engine_does()
    {
        var set = SampleEstate.Compile();
        var model = new DatapathModel(DatapathImage.Build(set, []));
        var engine = new PolicyEngine(set);

        Assert.All(Flows(), flow => Assert.Equal(engine.Decide(flow), model.Decide(flow)));
    }

    [Fact]
    public void The_entries_name_the_rule_the_engine_names()
    {
        var set = SampleEstate.Compile();
        var model = new DatapathModel(DatapathImage.Build(set, []));
        var engine = new PolicyEngine(set);
        var named = 0;

        foreach (var flow in Flows())
        {
            var explanation = engine.Explain(flow);
            foreach (var side in new[] { explanation.Egress, explanation.Ingress })
            {
                var expected = side.AllowingRule is { } rule ? (rule.Policy, (uint)rule.RuleIndex) : default((NetworkPolicy, uint)?);
                var actual = flow.Source.Equals(flow.Destination) ? expected : model.AllowingRule(flow, side.Direction) is { } value
                    ? (set.PolicyByNumber((int)value.Policy)!, value.Rule)
                    : null;
                Assert.Equal(expected, actual);
                named += expected is null ? 0 : 1;
            }
        }

        Assert.True(named > 0, "no flow was allowed by a rule");
    }

    [Fact]
    public void Images_of_edits_built_on_the_earlier_image_equal_ones_built_from_scratch()
    {
        var set = SampleEstate.Compile();
        var image = DatapathImage.Build(set, []);

        // A port moved on one side, then a rule added before the others, then a selector moved to
        // other workloads, then a policy added first and removed again, then the original back.
        var policies = set.Policies.ToArray();
        var rule = policies[0].Ingress[0];
        policies[0] = policies[0] with { Ingress = policies[0].Ingress.SetItem(0, rule with { Ports = rule.Ports.SetItem(0, rule.Ports[0] with { Port = 81 }) }) };
        var moved = policies.ToArray();
        policies[0] = policies[0] with { Ingress = policies[0].Ingress.Insert(0, rule with { Ports = rule.Ports.SetItem(0, rule.Ports[0] with { Port = 82 }) }) };
        var added = policies.ToArray();
        policies[1] = policies[1] with { PodSelector = policies[0].PodSelector };
        NetworkPolicy[] prepended = [set.Policies[1] with { Name = "first" }, .. policies];
        foreach (var edit in new[] { moved, added, policies, prepended, policies, set.Policies.ToArray() })
        {
            var edited = PolicyCompiler.Compile(edit, set.Inventory, image.Set);
            Assert.True(edited.IsEditOf(image.Set));
            image = DatapathImage.Build(edited, [], image);

            AssertSame(DatapathImage.Build(edited, []), image);
        }
    }

    [Fact]
    public void Images_after_workloads_came_went_or_moved_equal_ones_built_from_scratch()
    {
        var set = SampleEstate.Compile();
        var image = DatapathImage.Build(set, []);
        var workloads = SampleEstate.Inventory().Workloads;
        var web = workloads[0];

        // A replica joins web's groups and cells, moves within them, moves into the except block
        // (an identity of its own), is removed; then api gets a replica at an IPv6 address.
        var inventories = new[]
        {
            workloads.Add(web with { Name = "web-2", Addresses = [IPAddress.Parse("10.0.0.4")] }),
            workloads.Add(web with { Name = "web-2", Addresses = [IPAddress.Parse("10.0.0.5")] }),
            workloads.Add(web with { Name = "web-2", Addresses = [IPAddress.Parse("10.0.9.5")] }),
            workloads,
            workloads.Add(workloads[1] with { Name = "api-2", Addresses = [IPAddress.Parse("fd00::3")] }),
        };
        var keptSides = 0;
        foreach (var inventory in inventories)
        {
            var changed = PolicyCompiler.Compile(set.Policies, new WorkloadInventory([], inventory), image.Set);
            var earlier = image;
            image = DatapathImage.Build(changed, [], image);

            AssertSame(DatapathImage.Build(changed, []), image);
            keptSides += ReferenceEquals(earlier.Policy, image.Policy) ? 1 : 0;
        }

        Assert.True(keptSides >= 3, $"the sides were kept {keptSides} times");
    }

    [Fact]
    public void Images_built_in_the_arrays_of_retired_ones_equal_fresh_ones_and_leave_the_live_ones_alone()
    {
        var set = SampleEstate.Compile();
        var policies = set.Policies.ToArray();
        var rule = policies[0].Ingress[0];
        NetworkPolicy[] moved = [policies[0] with { Ingress = policies[0].Ingress.SetItem(0, rule with { Ports = [rule.Ports[0] with { Port = 81 }] }) }, .. policies[1..]];
        NetworkPolicy[] added = [policies[1] with { Name = "first" }, .. policies];

        // As the enforcer holds them: the image in force, the one the idle slot holds, and the one built.
        var retired = new RetiredArrays();
        var (idle, inForce) = (DatapathImage.Build(set, []), DatapathImage.Build(set, []));
        var reused = 0;
        PolicyKey[]? retiredKeys = null;
        foreach (var edit in new[] { moved, policies, added, policies, moved, added, policies })
        {
            var inForceEntries = inForce.Policy.Keys.ToArray();
            var built = DatapathImage.Build(PolicyCompiler.Compile(edit, set.Inventory, inForce.Set), [], inForce, retired);
            reused += ReferenceEquals(built.Policy.Storage.Keys, retiredKeys) ? 1 : 0;
            AssertSame(DatapathImage.Build(built.Set, []).Policy, built.Policy);
            AssertSame(DatapathImage.Build(built.Set, []).Blocks, built.Blocks);
            AssertSame(DatapathImage.Build(built.Set, []).Isolated, built.Isolated);
            Assert.Equal(inForceEntries, inForce.Policy.Keys.ToArray());

            // Installed into the idle slot: what that slot held is retired.
            retired.Retire(idle.Isolated);
            retired.Retire(idle.Blocks);
            retired.Retire(idle.Policy);
            retiredKeys = idle.Policy.Storage.Keys;
            (idle, inForce) = (inForce, built);
        }

        Assert.True(reused > 0, "no image was built in a retired image's arrays");
    }

    [Fact]
    public void A_rule_added_to_one_policy_changes_only_that_policys_entries()
    {
        var set = SampleEstate.Compile();
        var before = DatapathImage.Build(set, []);
        var policies = set.Policies.ToArray();
        var rule = policies[0].Ingress[0];
        // On a port no range of another rule holds, so no other rule's port blocks are cut anew.
        policies[0] = policies[0] with { Ingress = policies[0].Ingress.Insert(0, rule with { Ports = [new PolicyPort(Protocol.Tcp, 8125, null, null)] }) };

        var after = DatapathImage.Build(PolicyCompiler.Compile(policies, set.Inventory, set), [], before);
        var changes = after.Policy.ChangesFrom(before.Policy);

        Assert.NotEmpty(changes.UpsertKeys);
        Assert.All(changes.UpsertValues, value => Assert.Equal(0u, value.Policy));
        Assert.All(changes.Deletions, key => Assert.Equal(0u, before.Policy.Values[before.Policy.Keys.IndexOf(key)].Policy));
    }

    [Fact]
    public void A_policy_added_before_the_others_changes_only_the_entries_of_the_workloads_it_selects()
    {
        var set = SampleEstate.Compile();
        var before = DatapathImage.Build(set, []);
        var web = set.Policies[1];
        NetworkPolicy[] policies = [web with { Name = "web-dns", Egress = [web.Egress[1]] }, .. set.Policies];

        var added = PolicyCompiler.Compile(policies, set.Inventory, set);
        var after = DatapathImage.Build(added, [], before);
        var changes = after.Policy.ChangesFrom(before.Policy);
        var webIdentities = set.Identities.Where(i => i.Labels.TryGetValue("app", out var app) && app == "web").Select(i => i.Number).ToHashSet();

        Assert.True(added.IsEditOf(set));
        Assert.Equal("web-dns", added.PolicyByNumber(set.Policies.Length)!.Name);
        Assert.NotEmpty(changes.UpsertKeys);
        Assert.All(changes.UpsertKeys, key => Assert.Contains(key.Subject, webIdentities));
        Assert.All(changes.Deletions, key => Assert.Contains(key.Subject, webIdentities));
        Assert.Contains(changes.UpsertValues, value => value.Policy == set.Policies.Length);
        var values = after.Policy.Values.ToArray();
        Assert.True(values.Where(v => v.Policy != set.Policies.Length).All(v => v.Rank > values.Where(w => w.Policy == set.Policies.Length).Max(w => w.Rank)));
    }

    [Fact]
    public void Every_address_maps_to_the_identity_the_set_gives_it()
    {
        var set = SampleEstate.Compile();
        var model = new DatapathModel(DatapathImage.Build(set, []));

        Assert.All(SampleEstate.Addresses, address => Assert.Equal(set.IdentityOf(address).Number, model.IdentityOf(address)));
    }

    [Fact]
    public void Ipcache_keys_match_the_family_in_full_then_the_address_by_prefix()
    {
        var image = DatapathImage.Build(SampleEstate.Compile(), []);
        var keys = image.Ipcache.Keys.ToArray().Select(k => (k.ToNetwork(), k.PrefixLength, k.Family)).ToList();

        Assert.Contains((IPNetwork.Parse("10.0.0.1/32"), 64u, 4u), keys);
        Assert.Contains((IPNetwork.Parse("10.0.9.0/24"), 56u, 4u), keys);
        Assert.Contains((IPNetwork.Parse("fd00::100/120"), 152u, 6u), keys);
    }

    [Fact]
    public void Any_peer_and_any_protocol_are_zero_and_all_ports_one_zero_length_block()
    {
        var set = SampleEstate.Compile();
        var web = set.IdentityOf(IPAddress.Parse("10.0.0.1")).Number;
        var image = DatapathImage.Build(set, []);

        var api = set.IdentityOf(IPAddress.Parse("10.0.0.2")).Number;
        var toApi = image.Policy.Keys.ToArray().Single(k => k.Subject == web && k.Peer == api && k.Protocol == DatapathLimits.AnyProtocol);
        var toAnyone = image.Policy.Keys.ToArray().Single(k => k.Subject == web && k.Peer == DatapathLimits.AnyPeer);

        Assert.Equal(((uint)PolicyKey.FixedBits, (ushort)0), (toApi.PrefixLength, toApi.Port));
        Assert.Equal(((byte)Protocol.Tcp, (uint)PolicyKey.FixedBits + 16, (ushort)8443), (toAnyone.Protocol, toAnyone.PrefixLength, toAnyone.Port));
    }

    [Fact]
    public void A_subject_lists_its_primary_identity_and_the_identity_of_each_address()
    {
        var set = SampleEstate.Compile();
        var identities = new[] { IPAddress.Parse("10.0.0.1"), IPAddress.Parse("fd00::1") }.Select(a => set.IdentityOf(a).Number).ToArray();
        var image = DatapathImage.Build(set, [new SubjectEntry(77, identities[0], [.. identities])]);

        Assert.Equal(
            new[] { (77UL, SubjectKey.Primary, identities[0]), (77UL, identities[0], identities[0]), (77UL, identities[1], identities[1]) }.Order(),
            image.Subjects.Keys.ToArray().Zip(image.Subjects.Values.ToArray()).Select(e => (e.First.Cgroup, e.First.Identity, e.Second)).Order());
    }

    private static IEnumerable<Flow> Flows() =>
        from source in SampleEstate.Addresses
        from destination in SampleEstate.Addresses
        where source.AddressFamily == destination.AddressFamily
        from service in Services
        select new Flow(source, destination, service.Protocol, service.Port);

    private static void AssertSame(DatapathImage expected, DatapathImage actual)
    {
        AssertSame(expected.Ipcache, actual.Ipcache);
        AssertSame(expected.Isolated, actual.Isolated);
        AssertSame(expected.Blocks, actual.Blocks);
        AssertSame(expected.Policy, actual.Policy);
    }

    private static void AssertSame<TKey, TValue>(MapImage<TKey, TValue> expected, MapImage<TKey, TValue> actual)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        Assert.Equal(expected.Keys.ToArray(), actual.Keys.ToArray());
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
    }
}
