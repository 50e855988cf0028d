using Ztap.Core.Flows;
using Ztap.Observability.FlowLog;

namespace Ztap.Observability.Tests.FlowLog;

public sealed class FlowLogFollowerTests
{
    [Fact]
    public async Task Following_reads_the_history_then_new_records_across_a_rotation()
    {
        using var folder = new Flows.Folder();
        var limits = new FlowLogLimits(MaxFileBytes: 2048, KeptFiles: 3);
        using var writer = new FlowLogWriter(folder.Location, limits);
        writer.Write(Flows.Allowed(1));
        writer.Flush();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var follower = new FlowLogFollower(folder.Location, FlowFilter.All, TimeSpan.FromMilliseconds(20));
        await using var followed = follower.FollowAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.Equal(1, await Next(followed));

        // Each record is flushed on its own, and 2048 bytes hold only a few: the log rotates
        // several times while the follower reads.
        for (var port = 2; port <= 20; port++)
        {
            writer.Write(Flows.Allowed(port));
            writer.Flush();
            Assert.Equal(port, await Next(followed));
        }

        Assert.True(File.Exists(folder.Location.RotatedFile(1)));
    }

    [Fact]
    public async Task Following_starts_over_when_the_file_is_truncated()
    {
        using var folder = new Flows.Folder();
        using (var writer = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            writer.Write(Flows.Allowed(1));
            writer.Write(Flows.Allowed(2));
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var follower = new FlowLogFollower(folder.Location, FlowFilter.All, TimeSpan.FromMilliseconds(20));
        await using var followed = follower.FollowAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(1, await Next(followed));
        Assert.Equal(2, await Next(followed));

        await using (var truncate = new FileStream(folder.Location.CurrentFile, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }

        using (var writer = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            writer.Write(Flows.Allowed(3));
        }

        Assert.Equal(3, await Next(followed));
    }

    [Fact]
    public async Task Following_waits_for_a_log_that_does_not_exist_yet_and_stops_on_cancel()
    {
        using var folder = new Flows.Folder();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var follower = new FlowLogFollower(folder.Location, FlowFilter.All, TimeSpan.FromMilliseconds(20));
        await using var followed = follower.FollowAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = followed.MoveNextAsync();

        using (var writer = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            writer.Write(Flows.Allowed(7));
        }

        Assert.True(await next);
        Assert.Equal(7, followed.Current.DestinationPort);

        var waiting = followed.MoveNextAsync();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
    }

    private static async Task<int> Next(IAsyncEnumerator<FlowRecord> followed)
    {
        Assert.True(await followed.MoveNextAsync());
        return followed.Current.DestinationPort;
    }
}
