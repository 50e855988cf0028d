using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Observability.FlowLog;

namespace Ztap.Cli.Tests;

public sealed class AnomalyFlowLogTests : IDisposable
{
    private const string Header = "timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-anomaly-log-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_model_trained_on_the_agents_flow_log_scores_a_flow_log_with_the_csv_columns()
    {
        var training = WriteLog("train", Office());
        var train = await CliRun.Of("anomaly", "train", "--flows", training, "--model", Path("model.json"), "--seed", "3");
        Assert.Equal((0, ""), (train.ExitCode, train.Error));
        Assert.StartsWith("trained on 2400 flows from 10 sources; ", train.Out, StringComparison.Ordinal);

        // Named .log, not .jsonl: recognised by its content.
        var test = Path("today.log");
        File.Copy(WriteLog("test", [Record(Monday.AddDays(7).AddHours(2), "10.0.1.3", "10.0.2.1", 443, 5000), .. Scan()]), test);
        var score = await CliRun.Of("anomaly", "score", "--model", Path("model.json"), "--flows", test);

        Assert.Equal((0, ""), (score.ExitCode, score.Error));
        var lines = score.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(Header + ",score,is_anomaly,reason", lines[0]);
        Assert.Equal(202, lines.Length);
        Assert.StartsWith("2026-03-09T11:00:00.000Z,10.0.1.3,10.0.2.1,443,TCP,5000,,,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",false,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",true,\"10.0.1.4 contacted 200 ports on 10.0.2.2 in 60 s", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_that_is_not_a_flow_record_is_reported_with_its_line_and_exits_1()
    {
        var log = WriteLog("bad", [Record(Monday, "10.0.1.3", "10.0.2.1", 443, 5000)]);
        File.AppendAllText(log, "{\"time\": \"noon\"}\n");

        var run = await CliRun.Of("anomaly", "train", "--flows", log, "--model", Path("model.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("flows.jsonl:2:1: error: not a flow log record: ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("model.json")));
    }

    /// <summary>Ten workstations using two services each during working hours, four days.</summary>
    private static IEnumerable<FlowRecord> Office()
    {
        var random = new Random(1);
        var flows = new List<FlowRecord>();
        for (var day = 0; day < 4; day++)
        {
            for (var i = 0; i < 600; i++)
            {
                var host = 1 + (i % 10);
                var service = (host + random.Next(2)) % 4;
                flows.Add(Record(Monday.AddDays(day).AddSeconds(random.Next(8 * 3600)), $"10.0.1.{host}", $"10.0.2.{service + 1}", 443 + service, random.Next(2000, 20000)));
            }
        }

        return flows.OrderBy(f => f.Time);
    }

    private static IEnumerable<FlowRecord> Scan()
    {
        var start = Monday.AddDays(7).AddHours(2).AddMinutes(5);
        return Enumerable.Range(1, 200).Select(port => Record(start.AddMilliseconds(200 * port), "10.0.1.4", "10.0.2.2", port, 60));
    }

    private static FlowRecord Record(DateTimeOffset time, string source, string destination, int port, long bytes) => new(
        time, IPAddress.Parse(source), 40000, IPAddress.Parse(destination), port, Protocol.Tcp, bytes,
        Direction.Egress, Verdict.Allow, Enforced: true, Policy: "corp/office", SourceWorkload: null, DestinationWorkload: null);

    /// <summary>Writes the records with the agent's flow log writer and returns the log's file.</summary>
    private string WriteLog(string name, IEnumerable<FlowRecord> records)
    {
        var location = new FlowLogLocation(Path(name));
        using (var writer = new FlowLogWriter(location, new FlowLogLimits()))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Flush();
        }

        return location.CurrentFile;
    }

    private string Path(string name) => System.IO.Path.Combine(_directory, name);
}
