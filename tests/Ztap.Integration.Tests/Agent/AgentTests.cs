using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Integration.Tests.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Agent;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AgentTests(ProbeBinary probe)
{
    private static readonly Flow DeniedByBoth = new(Web.V4, Db.V4, Protocol.Tcp, 6379);
    private static readonly Flow AllowedByBoth = new(Web.V4, Api.V4, Protocol.Tcp, 8002);
    private static readonly Flow ChangedByUpdate = new(Web.V4, Api.V4, Protocol.Tcp, 80);

    [RootFact]
    public async Task Allowed_and_denied_flows_reach_the_flow_log_and_SIGTERM_leaves_enforcement_in_place()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = AgentFiles.Create(scene, estate, MatrixPolicies.Yaml);
        await using var agent = AgentProcess.Start(scene, files.Log, files.Arguments);
        await agent.WaitForAsync("applied policy version");

        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));

        var denied = await agent.WaitForRecordAsync(r => r.Verdict == Verdict.Deny && r.DestinationPort == 6379);
        Assert.Equal((true, "prod/web", "prod/db", "prod/db-ingress"), (denied.Enforced, denied.SourceWorkload, denied.DestinationWorkload, denied.Policy));
        var allowed = await agent.WaitForRecordAsync(r => r.Verdict == Verdict.Allow && r.DestinationPort == 8002 && r.Direction == Direction.Egress);
        Assert.Equal((Web.V4, Api.V4, Protocol.Tcp, "prod/web"), (allowed.Source, allowed.Destination, allowed.Protocol, allowed.SourceWorkload));

        // The kernel's counters, read at the scrape, and the first apply's duration.
        var metrics = await agent.ScrapeAsync();
        Assert.Matches("""(?m)^ztap_flows_blocked_total\{backend="ebpf",policy="prod/db-ingress"\} [1-9]""", metrics);
        Assert.Matches("""(?m)^ztap_flows_allowed_total\{backend="ebpf",policy="prod/web-egress"\} [1-9]""", metrics);
        Assert.Matches("""(?m)^ztap_policy_load_duration_seconds_count\{backend="ebpf",result="success"\} 1$""", metrics);

        Assert.Equal(0, await agent.TerminateAsync());
        Assert.Contains("stays enforced", agent.Output, StringComparison.Ordinal);
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));
    }

    [RootFact]
    public async Task With_a_model_every_flow_is_scored_and_the_scores_are_exported()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = AgentFiles.Create(scene, estate, MatrixPolicies.Yaml);
        var folder = Path.GetDirectoryName(files.Inventory)!;
        var training = Path.Join(folder, "train.csv");
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        File.WriteAllLines(training, [
            "timestamp,source_ip,dest_ip,port,protocol,bytes",
            .. Enumerable.Range(0, 500).Select(i => FormattableString.Invariant($"{start.AddMinutes(7 * i):O},{Web.V4},{Api.V4},8002,TCP,{1000 + (i % 50)}")),
        ]);
        var model = Path.Join(folder, "model.json");
        var (trained, output) = ZtapProcess.Run(scene.Location, "anomaly", "train", "--flows", training, "--model", model);
        Assert.True(trained == 0, output);

        await using var agent = AgentProcess.Start(scene, files.Log, [.. files.Arguments, "--anomaly-model", model]);
        await agent.WaitForAsync("applied policy version");
        Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        await agent.WaitForRecordAsync(r => r.Verdict == Verdict.Deny && r.DestinationPort == 6379);

        // The flow log is flushed after every stage saw the records, the detector included.
        var metrics = await agent.ScrapeAsync();
        Assert.Matches("""(?m)^ztap_anomaly_scores_count\{detector="forest"\} [1-9]""", metrics);
    }

    [RootFact]
    public async Task An_edited_policy_is_applied_and_a_broken_edit_is_reported_while_the_last_good_version_stays()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = AgentFiles.Create(scene, estate, MatrixPolicies.Yaml);
        await using var agent = AgentProcess.Start(scene, files.Log, files.Arguments);
        await agent.WaitForAsync("applied policy version");
        Assert.Equal("allow", estate.Attempt(Web, ChangedByUpdate));

        files.ReplacePolicies(UpdatePolicies.Yaml);
        var updated = estate.Compile(UpdatePolicies.Yaml).Version;
        await agent.WaitForAsync($"applied policy version {updated}");
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));

        files.ReplacePolicies(UpdatePolicies.Yaml.Replace("podSelector: {matchLabels: {app: db}}", "podSelector: {matchLabels: [db]}", StringComparison.Ordinal));
        await agent.WaitForAsync($"version {updated} stays enforced");
        Assert.Contains($"{files.PolicyFile}:", agent.Output, StringComparison.Ordinal);
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        var status = ZtapProcess.Run(scene.Location, "status", "-o", "json");
        Assert.Contains($"\"policyVersion\": \"{updated}\"", status.Output, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task An_agent_killed_with_SIGKILL_and_restarted_converges_on_the_current_files_and_keeps_its_log()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = AgentFiles.Create(scene, estate, MatrixPolicies.Yaml);
        await using (var first = AgentProcess.Start(scene, files.Log, files.Arguments))
        {
            await first.WaitForAsync("applied policy version");
            Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
            await first.WaitForRecordAsync(r => r.DestinationPort == 6379);
            await first.CrashAsync();
        }

        // Down, enforcement holds; the policies change while nobody watches.
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        files.ReplacePolicies(UpdatePolicies.Yaml);

        await using var second = AgentProcess.Start(scene, files.Log, files.Arguments);
        await second.WaitForAsync($"applied policy version {estate.Compile(UpdatePolicies.Yaml).Version}");
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));
        Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));

        await second.WaitForRecordAsync(r => r.DestinationPort == 80 && r.Verdict == Verdict.Deny);
        await second.WaitForRecordAsync(r => r.DestinationPort == 6379);
    }
}
