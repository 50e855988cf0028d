using System.Net;
using BenchmarkDotNet.Attributes;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Benchmarks;

/// <summary>Decisions per second on one core against a compiled 10,000-policy estate, over a mix of allowed and denied flows.</summary>
public class DecideBenchmarks
{
    public const int FlowCount = 1 << 16;
    private PolicyEngine _engine = null!;
    private Flow[] _flows = [];

    [GlobalSetup]
    public async Task Compile()
    {
        var estate = new Estate(10_000);
        var directory = Path.Combine(Path.GetTempPath(), $"ztap-bench-{estate.Policies}");
        if (!Directory.Exists(directory))
        {
            EstateWriter.Write(estate, directory);
        }

        var inventory = await new InventoryFileSource(Path.Combine(directory, "inventory.yaml")).LoadAsync(CancellationToken.None);
        var policies = await PolicyLoader.LoadAsync([Path.Combine(directory, "policies")], CancellationToken.None);
        _engine = new PolicyEngine(PolicyCompiler.Compile(policies.Policies, inventory.Inventory));

        var random = new Random(7);
        int[] ports = [53, 443, 5432, 8080, 9105];
        _flows = new Flow[FlowCount];
        for (var i = 0; i < FlowCount; i++)
        {
            var app = random.Next(estate.Policies);
            var peer = random.Next(4) == 0 ? random.Next(estate.Policies) : app + 1 - (2 * random.Next(2));
            var destination = random.Next(8) == 0
                ? IPAddress.Parse(Estate.PartnerNetwork(Math.Clamp(app, 0, estate.Policies - 1))[..^4] + "7")
                : IPAddress.Parse(Estate.Address(Math.Clamp(peer, 0, estate.Policies - 1), random.Next(Estate.ReplicasPerApp)));
            _flows[i] = new Flow(IPAddress.Parse(Estate.Address(app, random.Next(Estate.ReplicasPerApp))), destination, Protocol.Tcp, ports[random.Next(ports.Length)]);
        }
    }

    [Benchmark(OperationsPerInvoke = FlowCount)]
    public int Decide()
    {
        var allowed = 0;
        foreach (ref readonly var flow in _flows.AsSpan())
        {
            allowed += _engine.Decide(flow) == Verdict.Allow ? 1 : 0;
        }

        return allowed;
    }
}
