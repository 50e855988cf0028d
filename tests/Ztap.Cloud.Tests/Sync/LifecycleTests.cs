namespace Ztap.Cloud.Tests.Sync;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_group_still_on_a_stopped_instance_is_kept_for_a_later_sync_not_forced()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.DbFromWeb());
        aws.State.Instances["i-db"].State = "stopped";

        var plan = await aws.PlanAsync("");
        var result = await aws.ApplyAsync(plan);

        Assert.Contains("ztap-prod/db-from-web", Assert.Single(result.Postponed), StringComparison.Ordinal);
        Assert.Contains(aws.State.Groups.Values, g => g.Name == "ztap-prod/db-from-web");

        aws.State.Instances["i-db"].State = "running";
        await aws.SyncAsync("");

        Assert.DoesNotContain(aws.State.Groups.Values, g => g.Name == "ztap-prod/db-from-web");
        Assert.Equal(["base"], aws.GroupsOn("i-db"));
    }

    [Fact]
    public async Task An_interface_that_only_ztap_groups_would_leave_empty_is_refused()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.DbFromWeb());
        var db = aws.State.Instances["i-db"].Interfaces[0];
        db.GroupIds.Remove(aws.Group("base").Id);

        var plan = await aws.PlanAsync("");

        Assert.Contains(plan.Errors, e => e.Contains("would be left with no security group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ztap_groups_replace_each_other_in_one_call_when_they_are_all_an_interface_has()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.DbFromWeb());
        aws.State.Instances["i-db"].Interfaces[0].GroupIds.Remove(aws.Group("base").Id);

        var plan = await aws.SyncAsync(Policies.DbEgressToPartner);

        Assert.Equal(["ztap-prod/db-out"], aws.GroupsOn("i-db"));
        Assert.Contains(plan.Steps, s => s.Describe() == $"attach ztap-prod/db-out to i-db ({aws.State.Instances["i-db"].Interfaces[0].Id}), replacing ztap-prod/db-from-web");
    }
}
