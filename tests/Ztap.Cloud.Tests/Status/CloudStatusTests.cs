using Ztap.Cloud.Status;
using Ztap.Cloud.Tests.Sync;

namespace Ztap.Cloud.Tests.Status;

public sealed class CloudStatusTests
{
    [Fact]
    public async Task Without_policies_instances_are_listed_with_their_ztap_groups_and_not_compared()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.DbFromWeb());

        var status = await aws.StatusAsync(null);

        Assert.Null(status.InSync);
        Assert.Equal(1, status.ManagedGroups);
        var db = status.Instances.Single(i => i.Instance.InstanceId == "i-db");
        Assert.Equal("ztap-prod/db-from-web", Assert.Single(db.ZtapGroups));
        Assert.All(status.Instances, i => Assert.Equal(SyncState.NotCompared, i.State));
        Assert.Empty(status.Instances.Single(i => i.Instance.InstanceId == "i-web-1").ZtapGroups);
    }

    [Fact]
    public async Task After_a_sync_every_instance_is_in_sync()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb()));

        var status = await aws.StatusAsync(Policies.Join(Policies.DbFromWeb(), Policies.WebToDb()));

        Assert.True(status.InSync);
        Assert.All(status.Instances, i => Assert.Equal(SyncState.InSync, i.State));
    }

    [Fact]
    public async Task A_changed_policy_puts_only_the_instances_it_selects_out_of_sync()
    {
        await using var aws = SyncTests.World();
        await aws.SyncAsync(Policies.DbFromWeb());
        var mutations = aws.Ec2.MutatingCalls;

        var status = await aws.StatusAsync(Policies.DbFromWeb(port: 5433));

        Assert.False(status.InSync);
        var db = status.Instances.Single(i => i.Instance.InstanceId == "i-db");
        Assert.Equal(SyncState.OutOfSync, db.State);
        Assert.Contains(db.PendingChanges, change => change.Contains("5433", StringComparison.Ordinal));
        Assert.Equal(SyncState.InSync, status.Instances.Single(i => i.Instance.InstanceId == "i-web-1").State);
        Assert.Equal(mutations, aws.Ec2.MutatingCalls);
    }

    [Fact]
    public async Task Before_the_first_sync_the_instances_a_policy_selects_are_out_of_sync()
    {
        await using var aws = SyncTests.World();

        var status = await aws.StatusAsync(Policies.WebToDb());

        Assert.False(status.InSync);
        Assert.Equal(SyncState.OutOfSync, status.Instances.Single(i => i.Instance.InstanceId == "i-web-2").State);
        Assert.Equal(SyncState.InSync, status.Instances.Single(i => i.Instance.InstanceId == "i-db").State);
        Assert.Equal(0, aws.Ec2.MutatingCalls);
    }
}
