using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Observability.FlowLog;

namespace Ztap.Cli.Tests;

/// <summary>
/// <c>ztap logs</c> against a flow log written here. The log folder comes from ZTAP_LOG_DIR, one
/// environment for the whole process, so every test that sets it lives in this one class.
/// </summary>
public sealed class LogsCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FlowLogLocation _log = new(Directory.CreateTempSubdirectory("ztap-logs-").FullName);

    public LogsCommandTests() => Environment.SetEnvironmentVariable(FlowLogLocation.DirectoryVariable, _log.Directory);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(FlowLogLocation.DirectoryVariable, null);
        Directory.Delete(_log.Directory, recursive: true);
    }

    [Fact]
    public async Task Records_are_shown_in_columns_oldest_first_across_rotated_files()
    {
        WriteLog(rotateAfterFirst: true);

        var run = await CliRun.Of("logs");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Snapshot.Matches("logs-table.txt", run.Out);
    }

    [Fact]
    public async Task Json_output_is_the_stored_lines_filtered_by_verdict_policy_and_time()
    {
        WriteLog(rotateAfterFirst: false);

        var run = await CliRun.Of("logs", "-o", "json", "--verdict", "deny", "--policy", "db-ingress", "--since", "2026-03-01T12:00:05Z");

        Assert.Equal(0, run.ExitCode);
        var stored = File.ReadAllLines(_log.CurrentFile);
        Assert.Equal([stored[2]], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_folder_without_a_flow_log_is_an_error_naming_it()
    {
        var run = await CliRun.Of("logs");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"error: no flow log in {_log.Directory} (set ZTAP_LOG_DIR to read another folder)\n", run.Error);
    }

    [Fact]
    public async Task Lines_that_are_not_records_are_skipped_with_a_warning()
    {
        WriteLog(rotateAfterFirst: false);
        File.AppendAllText(_log.CurrentFile, "{\"time\":\n");

        var run = await CliRun.Of("logs", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("warning: 1 line skipped, not flow records (first: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_prints_new_records_as_they_are_written_and_ends_cleanly_on_cancel()
    {
        WriteLog(rotateAfterFirst: false);
        var text = new StringWriter { NewLine = "\n" };
        var output = TextWriter.Synchronized(text);
        using var stop = new CancellationTokenSource();
        var run = ZtapCommandLine.RunAsync(["logs", "--follow", "-o", "json", "--verdict", "allow"], CliConsole.Plain(output, TextWriter.Null), stop.Token);

        await WaitForLines(output, text, 2);
        using (var writer = new FlowLogWriter(_log, new FlowLogLimits()))
        {
            writer.Write(Record(9000, Verdict.Allow, "prod/new", second: 30));
        }

        await WaitForLines(output, text, 3);
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Contains("\"destinationPort\":9000", Read(output, text), StringComparison.Ordinal);
    }

    private static async Task WaitForLines(TextWriter output, StringWriter text, int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Read(output, text).Count(c => c == '\n') < count)
        {
            await Task.Delay(20, patience.Token);
        }
    }

    /// <summary>What was written so far; the synchronized writer locks itself while writing.</summary>
    private static string Read(TextWriter output, StringWriter text)
    {
        lock (output)
        {
            return text.ToString();
        }
    }

    private void WriteLog(bool rotateAfterFirst)
    {
        FlowRecord[] records =
        [
            Record(443, Verdict.Allow, "prod/web-egress", second: 0),
            Record(5432, Verdict.Deny, "prod/db-ingress", second: 3) with { Count = 4, Bytes = 240 },
            Record(6379, Verdict.Deny, "prod/db-ingress", second: 10) with
            {
                Source = IPAddress.Parse("fd77::1"),
                Destination = IPAddress.Parse("fd77::4"),
                Direction = Direction.Ingress,
                Enforced = false,
            },
            Record(0, Verdict.Allow, null, second: 20) with { Protocol = Protocol.Icmp, SourcePort = 0, DestinationWorkload = null, Destination = IPAddress.Parse("192.0.2.7") },
        ];
        using var writer = new FlowLogWriter(_log, rotateAfterFirst ? new FlowLogLimits(MaxFileBytes: 1024, KeptFiles: 2) : new FlowLogLimits());
        writer.Write(records[0]);
        writer.Flush();
        if (rotateAfterFirst)
        {
            // Past 1 KiB with the next flush: the first record moves to flows.jsonl.1.
            writer.Write(records[1]);
            writer.Write(records[2]);
            writer.Write(records[3]);
            writer.Flush();
            Assert.True(File.Exists(_log.RotatedFile(1)));
            return;
        }

        foreach (var record in records[1..])
        {
            writer.Write(record);
        }
    }

    private static FlowRecord Record(int port, Verdict verdict, string? policy, int second) => new(
        Start.AddSeconds(second),
        IPAddress.Parse("10.77.0.1"),
        port == 0 ? 0 : 40000 + port,
        IPAddress.Parse("10.77.0.4"),
        port,
        Protocol.Tcp,
        60,
        Direction.Egress,
        verdict,
        true,
        policy,
        "prod/web",
        "prod/db");
}
