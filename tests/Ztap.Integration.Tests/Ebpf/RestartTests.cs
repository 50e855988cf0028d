using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Ebpf.UpdatePolicies;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RestartTests(ProbeBinary probe)
{
    [RootFact]
    public async Task Enforcement_stays_after_ztap_exits_and_the_next_run_converges_in_place()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = estate.WriteFiles(MatrixPolicies.Yaml);

        var first = ZtapProcess.Run(scene.Location, "enforce", "-f", files.Policies, "-i", files.Inventory);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        Assert.Equal("allow", estate.Attempt(Web, ChangedByUpdate));

        File.WriteAllText(files.Policies, UpdatePolicies.Yaml);
        var second = ZtapProcess.Run(scene.Location, "enforce", "-f", files.Policies, "-i", files.Inventory);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));

        var status = ZtapProcess.Run(scene.Location, "status", "-o", "json");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"\"policyVersion\": \"{estate.Compile(UpdatePolicies.Yaml).Version}\"", status.Output, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task A_run_killed_midway_leaves_one_complete_version_in_force_and_the_next_run_converges()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = estate.WriteFiles(MatrixPolicies.Yaml);
        Assert.Equal(0, ZtapProcess.Run(scene.Location, "enforce", "-f", files.Policies, "-i", files.Inventory).ExitCode);

        File.WriteAllText(files.Policies, UpdatePolicies.Yaml);
        foreach (var delay in new[] { 150, 400, 800 })
        {
            await ZtapProcess.KillAfterAsync(scene.Location, delay, "enforce", "-f", files.Policies, "-i", files.Inventory);

            // Whichever step the kill interrupted, one whole version decides: the stable denial holds.
            Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
            Assert.Contains(estate.Attempt(Web, ChangedByUpdate), new[] { "allow", "eperm" });
        }

        var converged = ZtapProcess.Run(scene.Location, "enforce", "-f", files.Policies, "-i", files.Inventory);
        Assert.True(converged.ExitCode == 0, converged.Output);
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));
        Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));
    }
}
