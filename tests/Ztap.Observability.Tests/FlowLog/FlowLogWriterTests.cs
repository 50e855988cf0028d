using Ztap.Core.Flows;
using Ztap.Observability.FlowLog;

namespace Ztap.Observability.Tests.FlowLog;

public sealed class FlowLogWriterTests
{
    [Fact]
    public async Task Records_written_are_read_back_in_order()
    {
        using var folder = new Flows.Folder();
        using (var writer = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            writer.Write(Flows.Allowed(80));
            writer.Write(Flows.Denied(5432));
        }

        var records = await ReadAll(folder.Location, FlowFilter.All);

        Assert.Equal([Flows.Allowed(80), Flows.Denied(5432)], records);
    }

    [Fact]
    public async Task Rotation_keeps_the_configured_number_of_files_under_the_size_limit_and_reads_oldest_first()
    {
        using var folder = new Flows.Folder();
        var limits = new FlowLogLimits(MaxFileBytes: 4096, KeptFiles: 2);
        using (var writer = new FlowLogWriter(folder.Location, limits))
        {
            for (var port = 1; port <= 200; port++)
            {
                writer.Write(Flows.Allowed(port));
                writer.Flush();
            }
        }

        var files = Directory.GetFiles(folder.Location.Directory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["flows.jsonl", "flows.jsonl.1", "flows.jsonl.2"], files);
        Assert.All(files, f => Assert.True(new FileInfo(Path.Join(folder.Location.Directory, f)).Length <= limits.MaxFileBytes));

        var ports = (await ReadAll(folder.Location, FlowFilter.All)).Select(r => r.DestinationPort).ToList();
        Assert.Equal(200, ports[^1]);
        Assert.Equal(Enumerable.Range(ports[0], ports.Count), ports);
    }

    [Fact]
    public async Task A_line_cut_short_by_a_crash_is_skipped_and_the_next_run_starts_a_fresh_line()
    {
        using var folder = new Flows.Folder();
        using (var writer = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            writer.Write(Flows.Allowed(80));
        }

        File.AppendAllText(folder.Location.CurrentFile, """{"time":"2026-03-01T12:00:00Z","sour""");
        using (var restarted = new FlowLogWriter(folder.Location, new FlowLogLimits()))
        {
            restarted.Write(Flows.Allowed(443));
        }

        var reader = new FlowLogReader(folder.Location, FlowFilter.All);
        var ports = new List<int>();
        await foreach (var record in reader.ReadAsync(CancellationToken.None))
        {
            ports.Add(record.DestinationPort);
        }

        Assert.Equal([80, 443], ports);
        Assert.Equal(1, reader.Skipped);
        Assert.Contains("flows.jsonl: not JSON", reader.FirstProblem, StringComparison.Ordinal);
    }

    internal static async Task<List<FlowRecord>> ReadAll(FlowLogLocation location, FlowFilter filter)
    {
        var records = new List<FlowRecord>();
        await foreach (var record in new FlowLogReader(location, filter).ReadAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}
