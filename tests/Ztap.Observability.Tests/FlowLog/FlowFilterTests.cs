using Ztap.Core.Engine;
using Ztap.Observability.FlowLog;

namespace Ztap.Observability.Tests.FlowLog;

public sealed class FlowFilterTests
{
    [Fact]
    public async Task Filters_select_by_verdict_policy_and_time_together()
    {
        using var folder = new Flows.Folder();
        using (var writer = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            writer.Write(Flows.Allowed(80, second: 0));
            writer.Write(Flows.Denied(5432, second: 10));
            writer.Write(Flows.Denied(6379, second: 20));
            writer.Write(Flows.Allowed(443, second: 30) with { Policy = null });
        }

        async Task<int[]> Ports(FlowFilter filter) => [.. (await FlowLogWriterTests.ReadAll(folder.Location, filter)).Select(r => r.DestinationPort)];

        Assert.Equal(new[] { 5432, 6379 }, await Ports(new FlowFilter(Verdict: Verdict.Deny)));
        Assert.Equal(new[] { 5432, 6379 }, await Ports(new FlowFilter(Policy: "db-ingress")));
        Assert.Equal(new[] { 5432, 6379 }, await Ports(new FlowFilter(Policy: "prod/db-ingress")));
        Assert.Empty(await Ports(new FlowFilter(Policy: "other/db-ingress")));
        Assert.Equal(new[] { 6379 }, await Ports(new FlowFilter(Verdict: Verdict.Deny, Since: Flows.Start.AddSeconds(15))));
        Assert.Equal(new[] { 80 }, await Ports(new FlowFilter(Verdict: Verdict.Allow, Policy: "web-egress")));
    }
}
