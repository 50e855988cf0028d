using BenchmarkDotNet.Attributes;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Benchmarks;

/// <summary>Load, validate and compile (labels resolved) a generated estate, as <c>ztap check</c> does before deciding.</summary>
[MemoryDiagnoser]
public class LoadAndCompileBenchmarks
{
    private string _directory = "";

    [Params(100, 10_000, 100_000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"ztap-bench-{Policies}");
        if (!Directory.Exists(_directory))
        {
            EstateWriter.Write(new Estate(Policies), _directory);
        }
    }

    [Benchmark]
    public async Task<PolicySet> LoadValidateCompile()
    {
        var inventory = await new InventoryFileSource(Path.Combine(_directory, "inventory.yaml"), EstateLimits.Large).LoadAsync(CancellationToken.None);
        var policies = await PolicyLoader.LoadAsync([Path.Combine(_directory, "policies")], CancellationToken.None);
        if (policies.HasErrors || inventory.HasErrors)
        {
            throw new InvalidOperationException($"generated estate is invalid: {policies.Diagnostics.Concat(inventory.Diagnostics).First()}");
        }

        return PolicyCompiler.Compile(policies.Policies, inventory.Inventory);
    }
}
