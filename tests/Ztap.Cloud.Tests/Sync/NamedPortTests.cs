namespace Ztap.Cloud.Tests.Sync;

public sealed class NamedPortTests
{
    [Fact]
    public async Task An_egress_named_port_resolves_on_each_peer()
    {
        await using var aws = World();

        await aws.SyncAsync(Policies.WebToDbByName);

        var rules = aws.Group("ztap-prod/web-out").Egress.Select(r => $"{r.Protocol}/{r.FromPort}-{r.ToPort} {r.Cidr}").Order();
        Assert.Equal(["tcp/5432-5432 10.0.2.10/32", "tcp/6432-6432 10.0.2.11/32"], rules);
    }

    [Fact]
    public async Task An_ingress_named_port_that_differs_between_members_of_one_group_is_refused()
    {
        await using var aws = World();

        var plan = await aws.PlanAsync(Policies.DbFromWebByName);

        Assert.False(plan.CanApply);
        Assert.Contains(plan.Errors, e => e.StartsWith("policy prod/db-in: its group in vpc-1 would allow ingress TCP ports", StringComparison.Ordinal));
        Assert.Equal(0, aws.Ec2.MutatingCalls);
    }

    private static SyncHarness World()
    {
        var aws = new SyncHarness();
        aws.Instance("i-web", "10.0.1.10", ("app", "web"));
        aws.Instance("i-db-1", "10.0.2.10", ("app", "db"), ("ztap:ports", "pg=5432"));
        aws.Instance("i-db-2", "10.0.2.11", ("app", "db"), ("ztap:ports", "pg=6432"));
        return aws;
    }
}
