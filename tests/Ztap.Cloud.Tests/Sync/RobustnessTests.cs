using Ztap.Cloud.Sync;

namespace Ztap.Cloud.Tests.Sync;

public sealed class RobustnessTests
{
    private static readonly string Before = Policies.Join(Policies.DbFromWeb(5432), Policies.WebToDb(5432));
    private static readonly string After = Policies.Join(Policies.DbFromWeb(6432), Policies.WebToDb(6432, "web-out-v2"), Policies.DbEgressToPartner);

    [Fact]
    public async Task Too_many_rules_for_a_group_are_refused_before_any_change()
    {
        await using var aws = SyncTests.World();
        aws.Limits = new SyncLimits(RulesPerGroup: 3);

        var plan = await aws.PlanAsync(Policies.WebEgressExceptOffice);

        Assert.False(plan.CanApply);
        Assert.Contains(plan.Errors, e => e.Contains("needs 8 outbound rules; the quota is 3", StringComparison.Ordinal));
        await Assert.ThrowsAsync<InvalidOperationException>(() => aws.ApplyAsync(plan));
        Assert.Equal(0, aws.Ec2.MutatingCalls);
    }

    [Fact]
    public async Task Too_many_groups_on_an_interface_are_refused_before_any_change()
    {
        await using var aws = SyncTests.World();
        aws.Limits = new SyncLimits(GroupsPerInterface: 2);

        var plan = await aws.PlanAsync(Policies.Join(Policies.DbFromWeb(), Policies.DbEgressToPartner));

        Assert.Contains(plan.Errors, e => e.Contains("instance i-db", StringComparison.Ordinal) && e.Contains("would have 3 security groups", StringComparison.Ordinal));
        Assert.Equal(0, aws.Ec2.MutatingCalls);
    }

    [Fact]
    public async Task A_quota_lower_than_ztap_was_told_is_EC2s_error_at_its_step_and_nothing_after()
    {
        await using var aws = SyncTests.World();
        aws.State.RulesPerGroupLimit = 3;

        var plan = await aws.PlanAsync(Policies.WebEgressExceptOffice);
        var failure = await Assert.ThrowsAsync<SyncApplyException>(() => aws.ApplyAsync(plan));

        Assert.Equal("RulesPerSecurityGroupLimitExceeded", failure.ErrorCode);
        Assert.Equal(PlanPhase.Authorize, failure.Step.Phase);
        Assert.Equal(["base"], aws.GroupsOn("i-web-1"));
    }

    [Fact]
    public async Task A_rule_added_by_someone_else_between_plan_and_apply_fails_the_step_and_the_next_sync_converges()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.DbFromWeb(5432));
        var plan = await aws.PlanAsync(Policies.DbFromWeb(6432));
        aws.Group("ztap-prod/db-from-web").Ingress.Add(new FakeEc2.FakeRule("tcp", 6432, 6432, System.Net.IPNetwork.Parse("10.0.1.10/31"), null));

        var failure = await Assert.ThrowsAsync<SyncApplyException>(() => aws.ApplyAsync(plan));
        var rerun = await aws.SyncAsync(Policies.DbFromWeb(6432));

        Assert.Equal("InvalidPermission.Duplicate", failure.ErrorCode);
        Assert.True(rerun.IsEmpty);
        Assert.Equal(6432, Assert.Single(aws.Group("ztap-prod/db-from-web").Ingress).FromPort);
    }

    [Fact]
    public async Task Throttled_calls_are_retried_until_they_succeed()
    {
        await using var aws = SyncTests.World();
        var plan = await aws.PlanAsync(Policies.DbFromWeb());
        aws.Ec2.Throttle(2);

        await aws.ApplyAsync(plan);

        Assert.Equal(plan.ApiCalls + 2, aws.Ec2.MutatingCalls);
        Assert.Equal(["base", "ztap-prod/db-from-web"], aws.GroupsOn("i-db"));
    }

    [Fact]
    public async Task A_failure_part_way_never_widens_access_and_the_next_sync_converges()
    {
        var (before, after, steps) = await ExpectedAccess();
        for (var failing = 1; failing <= steps; failing++)
        {
            await using var aws = SyncTests.World();
            await aws.SyncAsync(Before);
            var seen = new List<HashSet<string>>();
            aws.Ec2.Changed = state => seen.Add(AccessModel.Allowances(state));
            aws.Ec2.FailMutation(failing, "InternalError");

            var plan = await aws.PlanAsync(After);
            var failure = await Assert.ThrowsAsync<SyncApplyException>(() => aws.ApplyAsync(plan));
            Assert.Equal(failing, failure.StepNumber);
            await aws.SyncAsync(After);

            foreach (var state in seen)
            {
                var wider = state.Except(before).Except(after).ToArray();
                Assert.True(wider.Length == 0, $"failing step {failing}: allowed by neither policy set: {string.Join(", ", wider)}");
            }

            Assert.True(after.SetEquals(AccessModel.Allowances(aws.State)), $"failing step {failing}: did not converge");
            Assert.True((await aws.PlanAsync(After)).IsEmpty);
        }
    }

    [Fact]
    public async Task Narrowing_steps_come_before_widening_ones()
    {
        var (before, _, _) = await ExpectedAccess();
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Before);
        var plan = await aws.PlanAsync(After);
        var seen = new List<HashSet<string>>();
        aws.Ec2.Changed = state => seen.Add(AccessModel.Allowances(state));

        await aws.ApplyAsync(plan);

        var narrowing = plan.Steps.Count(s => s.Phase <= PlanPhase.Detach);
        Assert.All(seen.Take(narrowing), state => Assert.Empty(state.Except(before)));
    }

    /// <summary>The access before and after the change, and how many steps the change takes, from an undisturbed run.</summary>
    private static async Task<(HashSet<string> Before, HashSet<string> After, int Steps)> ExpectedAccess()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Before);
        var before = AccessModel.Allowances(aws.State);
        var plan = await aws.SyncAsync(After);
        return (before, AccessModel.Allowances(aws.State), plan.ApiCalls);
    }
}
