using BenchmarkDotNet.Running;
using Ztap.Cloud.Benchmarks;
using Ztap.Cloud.Sync;

// The API calls a plan makes are a count, not a timing: print them once, then measure.
var world = new CloudWorld(5_000, 1_000);
var plan = SyncPlanner.Plan(DesiredStateBuilder.Build(world.Set, world.Instances), [], world.Instances, [], SyncLimits.Default);
Console.WriteLine($"sync from nothing of {world.Policies.Length} policies over {world.Instances.Length} instances: "
    + $"{plan.ApiCalls} API calls ({string.Join(", ", plan.Steps.GroupBy(s => s.Phase).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}), "
    + $"{plan.Errors.Length} errors");

BenchmarkSwitcher.FromAssembly(typeof(SyncPlanBenchmarks).Assembly).Run(args);
