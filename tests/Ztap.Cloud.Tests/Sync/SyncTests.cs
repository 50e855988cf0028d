using System.Net;
using Ztap.Cloud.SecurityGroups;
using Ztap.Cloud.Sync;

namespace Ztap.Cloud.Tests.Sync;

public sealed class SyncTests
{
    [Fact]
    public async Task Sync_from_nothing_creates_a_tagged_group_with_the_policy_rules_and_attaches_it()
    {
        await using var aws = World();

        await aws.SyncAsync(Policies.DbFromWeb());

        var group = aws.Group("ztap-prod/db-from-web");
        Assert.Equal("true", group.Tags[ManagedGroupTags.Managed]);
        Assert.Equal("prod/db-from-web", group.Tags[ManagedGroupTags.Policy]);
        var ingress = Assert.Single(group.Ingress);
        Assert.Equal(("tcp", 5432, 5432, "10.0.1.10/31"), (ingress.Protocol, ingress.FromPort, ingress.ToPort, ingress.Cidr?.ToString()));
        Assert.Equal(["base", "ztap-prod/db-from-web"], aws.GroupsOn("i-db"));
        Assert.Equal(["base"], aws.GroupsOn("i-web-1"));
    }

    [Fact]
    public async Task A_policy_that_does_not_isolate_egress_keeps_egress_open()
    {
        await using var aws = World();

        await aws.SyncAsync(Policies.DbFromWeb());

        Assert.Equal(["0.0.0.0/0", "::/0"], aws.Group("ztap-prod/db-from-web").Egress.Select(r => r.Cidr!.ToString()).Order());
    }

    [Fact]
    public async Task A_second_sync_plans_nothing_and_makes_no_change()
    {
        await using var aws = World();
        await aws.SyncAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb(), Policies.DbEgressToPartner));
        var changes = aws.Ec2.MutatingCalls;

        var plan = await aws.SyncAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb(), Policies.DbEgressToPartner));

        Assert.True(plan.IsEmpty, string.Join('\n', plan.Steps.Select(s => s.Describe())));
        Assert.Equal(changes, aws.Ec2.MutatingCalls);
    }

    [Fact]
    public async Task Peers_selected_by_another_policy_are_referenced_by_its_group()
    {
        await using var aws = World();

        await aws.SyncAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb()));

        var web = aws.Group("ztap-prod/web-to-db");
        var db = aws.Group("ztap-prod/db-from-web");
        Assert.Equal(web.Id, Assert.Single(db.Ingress).GroupId);
        Assert.Equal(db.Id, Assert.Single(web.Egress).GroupId);
    }

    [Fact]
    public async Task A_changed_port_revokes_the_old_rule_and_authorizes_the_new()
    {
        await using var aws = World();
        await aws.SyncAsync(Policies.DbFromWeb(5432));

        var plan = await aws.SyncAsync(Policies.DbFromWeb(6432));

        Assert.Equal(["revoke ingress on ztap-prod/db-from-web: tcp/5432 from 10.0.1.10/31", "authorize ingress on ztap-prod/db-from-web: tcp/6432 from 10.0.1.10/31"],
            plan.Steps.Select(s => s.Describe()));
        Assert.Equal(6432, Assert.Single(aws.Group("ztap-prod/db-from-web").Ingress).FromPort);
    }

    [Fact]
    public async Task A_removed_policy_loses_its_group_once_detached_and_unreferenced()
    {
        await using var aws = World();
        await aws.SyncAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb()));

        var plan = await aws.SyncAsync(Policies.DbFromWeb());

        Assert.DoesNotContain(aws.State.Groups.Values, g => g.Name == "ztap-prod/web-to-db");
        Assert.Equal(["base"], aws.GroupsOn("i-web-1"));
        Assert.Equal("10.0.1.10/31", Assert.Single(aws.Group("ztap-prod/db-from-web").Ingress).Cidr?.ToString());
        Assert.Equal([PlanPhase.Revoke, PlanPhase.Detach, PlanPhase.Detach, PlanPhase.Authorize, PlanPhase.Delete], plan.Steps.Select(s => s.Phase));
    }

    [Fact]
    public async Task A_dry_run_plans_every_change_and_makes_none()
    {
        await using var aws = World();

        var plan = await aws.PlanAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb()));

        Assert.Equal(0, aws.Ec2.MutatingCalls);
        Assert.Equal(2, plan.Steps.OfType<CreateGroupStep>().Count());
        Assert.Equal(3, plan.Steps.Count(s => s.Phase == PlanPhase.Attach));
        Assert.Equal(plan.Steps.Length, plan.ApiCalls);
    }

    [Fact]
    public async Task An_except_is_split_into_the_blocks_around_it_never_widened()
    {
        await using var aws = World();

        await aws.SyncAsync(Policies.WebEgressExceptOffice);

        var blocks = aws.Group("ztap-prod/web-out").Egress.Select(r => r.Cidr!.Value).ToArray();
        var office = IPNetwork.Parse("10.1.0.0/16");
        Assert.Equal(8, blocks.Length);
        Assert.DoesNotContain(blocks, b => b.Contains(office.BaseAddress) || office.Contains(b.BaseAddress));
        Assert.All(blocks, b => Assert.True(IPNetwork.Parse("10.0.0.0/8").Contains(b.BaseAddress)));
        Assert.Equal((1L << 24) - (1L << 16), blocks.Sum(b => 1L << (32 - b.PrefixLength)));
    }

    [Fact]
    public async Task Groups_and_rules_ztap_does_not_own_are_never_touched()
    {
        await using var aws = World();
        var before = aws.State.Groups.Values.ToDictionary(g => g.Id, g => (Ingress: g.Ingress.ToHashSet(), Egress: g.Egress.ToHashSet()));

        await aws.SyncAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb()));
        await aws.SyncAsync(Policies.DbFromWeb(6432));
        await aws.SyncAsync("");

        foreach (var (id, rules) in before)
        {
            Assert.True(rules.Ingress.SetEquals(aws.State.Groups[id].Ingress));
            Assert.True(rules.Egress.SetEquals(aws.State.Groups[id].Egress));
        }

        Assert.Equal(before.Keys.Order(), aws.State.Groups.Keys.Order());
        Assert.All(aws.State.Instances.Keys, id => Assert.Equal(["base"], aws.GroupsOn(id)));
    }

    [Fact]
    public async Task A_group_name_taken_by_a_group_ztap_does_not_own_is_refused()
    {
        await using var aws = World();
        aws.State.Groups.Add("sg-squatter", new FakeEc2.FakeGroup("sg-squatter", "ztap-prod/db-from-web", SyncHarness.Vpc, "not ours"));

        var plan = await aws.PlanAsync(Policies.DbFromWeb());

        Assert.False(plan.CanApply);
        Assert.Contains(plan.Errors, e => e.Contains("already exists", StringComparison.Ordinal));
    }

    internal static SyncHarness World()
    {
        var aws = new SyncHarness();
        aws.Instance("i-web-1", "10.0.1.10", ("app", "web"));
        aws.Instance("i-web-2", "10.0.1.11", ("app", "web"));
        aws.Instance("i-db", "10.0.2.10", ("app", "db"));
        return aws;
    }
}
