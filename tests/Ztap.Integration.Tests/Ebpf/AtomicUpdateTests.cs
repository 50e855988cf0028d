using Ztap.Enforcement;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AtomicUpdateTests(ProbeBinary probe)
{
    private const int Replacements = 100;

    [RootFact]
    public async Task While_the_set_is_replaced_repeatedly_every_connection_gets_the_verdict_of_one_version()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var versions = new[] { estate.Compile(MatrixPolicies.Yaml), estate.Compile(UpdatePolicies.Yaml) };
        await scene.Enforcer.ApplyAsync(versions[0], new EnforcementOptions(), CancellationToken.None);

        string[] Connect(SceneWorkload to, int port) =>
            ["loop", Web.V4.ToString(), to.V4.ToString(), port.ToString(System.Globalization.CultureInfo.InvariantCulture), "3000"];
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
            await scene.Enforcer.ApplyAsync(versions[i % 2], new EnforcementOptions(), CancellationToken.None);

            // Let one whole round of traffic start and end under this version, so both versions are
            // seen however fast the replacements run; traffic keeps flowing across each apply.
            var seen = Volatile.Read(ref rounds);
            while (Volatile.Read(ref rounds) < seen + 2 && !traffic.IsCompleted)
            {
                await Task.Delay(1);
            }
        }

        await stop.CancelAsync();
        await traffic;

        Assert.All(flows[0].Outcomes, outcome => Assert.Equal("allow", outcome));
        Assert.All(flows[1].Outcomes, outcome => Assert.Equal("eperm", outcome));

        // A connect allowed by one version whose SYN meets the next is dropped, so a denial may also
        // show as a timeout; anything else would be a verdict of neither version.
        Assert.All(flows[2].Outcomes, outcome => Assert.Contains(outcome, new[] { "allow", "eperm", "timeout" }));
        Assert.Contains("allow", flows[2].Outcomes);
        Assert.Contains("eperm", flows[2].Outcomes);
    }

    [RootFact]
    public async Task An_established_connection_the_new_version_denies_is_cut_and_one_it_allows_goes_on()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        await scene.Enforcer.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);
        var denied = scene.Open(estate.CgroupOf(Web), Web.Side, "stream", Web.V4.ToString(), Api.V4.ToString(), "80", "1000");
        var allowed = scene.Open(estate.CgroupOf(Web), Web.Side, "stream", Web.V6.ToString(), Api.V6.ToString(), "8001", "1000");
        Assert.Equal(["allow", "allow"], new[] { denied.ReadLine(), denied.Next() });
        Assert.Equal(["allow", "allow"], new[] { allowed.ReadLine(), allowed.Next() });

        await scene.Enforcer.ApplyAsync(estate.Compile(UpdatePolicies.Yaml), new EnforcementOptions(), CancellationToken.None);

        Assert.Equal("timeout", denied.Next());
        Assert.Equal("allow", allowed.Next());
    }
}
