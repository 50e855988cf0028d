using System.Globalization;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Nftables;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NftablesAtomicUpdateTests(ProbeBinary probe)
{
    private const int Replacements = 30;

    [RootFact]
    public async Task While_both_hosts_replace_their_table_repeatedly_every_connection_gets_the_verdict_of_one_version()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var versions = new[] { estate.Compile(MatrixPolicies.Yaml), estate.Compile(UpdatePolicies.Yaml) };
        var hosts = new[] { scene.Nftables("a"), scene.Nftables("b") };
        foreach (var host in hosts)
        {
            await host.ApplyAsync(versions[0], new EnforcementOptions(), CancellationToken.None);
        }

        string[] Connect(SceneWorkload to, int port) =>
            ["loop", Web.V4.ToString(), to.V4.ToString(), port.ToString(CultureInfo.InvariantCulture), "500"];
        var flows = new (string Name, ProbeSession Session, List<string> Outcomes)[]
        {
            ("web->db:5432, allowed by both", scene.Open(estate.CgroupOf(Web), Web.Side, Connect(Db, 5432)), []),
            ("web->db:6379, denied by both", scene.Open(estate.CgroupOf(Web), Web.Side, Connect(Db, 6379)), []),
            ("web->api:80, allowed then denied", scene.Open(estate.CgroupOf(Web), Web.Side, Connect(Api, 80)), []),
        };

        using var stop = new CancellationTokenSource();
        var rounds = 0;
        var traffic = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var flow in flows)
                {
                    flow.Outcomes.Add(flow.Session.Next());
                }

                Interlocked.Increment(ref rounds);
            }
        });
        for (var i = 1; i <= Replacements; i++)
        {
            foreach (var host in hosts)
            {
                await host.ApplyAsync(versions[i % 2], new EnforcementOptions(), CancellationToken.None);
            }

            var seen = Volatile.Read(ref rounds);
            while (Volatile.Read(ref rounds) < seen + 2 && !traffic.IsCompleted)
            {
                await Task.Delay(1);
            }
        }

        await stop.CancelAsync();
        await traffic;

        Assert.All(flows[0].Outcomes, outcome => Assert.Equal("allow", outcome));
        Assert.All(flows[1].Outcomes, outcome => Assert.Equal("timeout", outcome));
        Assert.All(flows[2].Outcomes, outcome => Assert.Contains(outcome, new[] { "allow", "timeout" }));
        Assert.Contains("allow", flows[2].Outcomes);
        Assert.Contains("timeout", flows[2].Outcomes);
    }
}
