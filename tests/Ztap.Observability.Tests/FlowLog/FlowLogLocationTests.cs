using Ztap.Observability.FlowLog;

namespace Ztap.Observability.Tests.FlowLog;

public sealed class FlowLogLocationTests
{
    [Fact]
    public void The_current_file_is_flows_jsonl_in_the_folder()
    {
        var location = new FlowLogLocation("/tmp/ztap-logs");

        Assert.Equal("/tmp/ztap-logs/flows.jsonl", location.CurrentFile);
    }
}
