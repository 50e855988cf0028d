using Ztap.Core.Inventory;

namespace Ztap.Core.Tests.Inventory;

public sealed class WorkloadCgroupTests
{
    [Fact]
    public void A_workload_may_name_the_cgroup_it_runs_in_on_this_host()
    {
        var result = InventoryFileSource.Parse(
            "workloads:\n  - {name: web, ips: [10.0.0.1], cgroup: system.slice/web.service}\n  - {name: db, ips: [10.0.0.2]}\n",
            "inventory.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("system.slice/web.service", result.Inventory.FindByName("web")!.Cgroup);
        Assert.Null(result.Inventory.FindByName("db")!.Cgroup);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("''")]
    public void A_cgroup_outside_the_cgroup2_mount_is_refused(string cgroup)
    {
        var result = InventoryFileSource.Parse($"workloads:\n  - {{name: web, ips: [10.0.0.1], cgroup: {cgroup}}}\n", "inventory.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("workloads[0].cgroup", error.FieldPath);
        Assert.StartsWith("invalid cgroup", error.Message, StringComparison.Ordinal);
    }
}
