using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.SecurityGroups;
using Ztap.Cloud.Sync;
using Ztap.Core.Compiler;

namespace Ztap.Cloud.Benchmarks;

/// <summary>
/// Planning a sync of 1,000 policies over 5,000 instances, without any API latency: deriving the
/// groups from the compiled set and diffing them against what EC2 holds, from nothing and when
/// already in sync. Compiling is measured alone for comparison.
/// </summary>
[MemoryDiagnoser]
public class SyncPlanBenchmarks
{
    private CloudWorld _world = null!;
    private ImmutableArray<ManagedGroup> _appliedGroups;
    private ImmutableArray<Ec2Instance> _appliedInstances;

    [Params(5_000)]
    public int Instances { get; set; }

    [Params(1_000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _world = new CloudWorld(Instances, Policies);
        (_appliedGroups, _appliedInstances) = _world.Applied(DesiredStateBuilder.Build(_world.Set, _world.Instances));
    }

    [Benchmark]
    public PolicySet Compile() => PolicyCompiler.Compile(_world.Policies, _world.Set.Inventory);

    [Benchmark]
    public SyncPlan PlanFromNothing() =>
        SyncPlanner.Plan(DesiredStateBuilder.Build(_world.Set, _world.Instances), [], _world.Instances, [], SyncLimits.Default);

    [Benchmark]
    public SyncPlan PlanInSync() =>
        SyncPlanner.Plan(DesiredStateBuilder.Build(_world.Set, _appliedInstances), _appliedGroups, _appliedInstances, [], SyncLimits.Default);
}
