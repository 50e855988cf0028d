using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ztap.Cli.Tests;

public sealed class AnomalyCommandTests : IDisposable
{
    private const string Header = "timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo";

    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-anomaly-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Train_writes_a_model_and_says_what_it_learnt_from()
    {
        var run = await CliRun.Of("anomaly", "train", "--flows", Office(days: 4), "--model", Path("model.json"), "--seed", "3");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.StartsWith("trained on 2400 flows from 10 sources; model written to ", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path("model.json")));
    }

    [Fact]
    public async Task Score_prints_the_input_rows_with_score_verdict_and_reason()
    {
        var model = await TrainedModel();
        var test = Write("test.csv", [Header, "2026-03-09T11:00:00Z,10.0.1.3,10.0.2.1,443,TCP,5000,,", .. Scan("2026-03-09T11:05:00Z")]);

        var run = await CliRun.Of("anomaly", "score", "--model", model, "--flows", test);

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(Header + ",score,is_anomaly,reason", lines[0]);
        Assert.Equal(202, lines.Length);
        Assert.StartsWith("2026-03-09T11:00:00Z,10.0.1.3,10.0.2.1,443,TCP,5000,,,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",false,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",true,\"10.0.1.4 contacted 200 ports on 10.0.2.2 in 60 s (at most 1 in training)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_as_json_to_a_file_keeps_the_columns_typed()
    {
        var model = await TrainedModel();
        var test = Write("test.csv", [Header, .. Scan("2026-03-09T11:05:00Z")]);

        var run = await CliRun.Of("anomaly", "score", "--model", model, "--flows", test, "-o", "json", "--out", Path("scored.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("scored 200 flows, ", run.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(Path("scored.json")));
        var last = document.RootElement.GetProperty("results")[199];
        Assert.Equal(200, document.RootElement.GetProperty("flows").GetInt32());
        Assert.Equal(200, last.GetProperty("port").GetInt32());
        Assert.Equal("10.0.1.4", last.GetProperty("source_ip").GetString());
        Assert.True(last.GetProperty("is_anomaly").GetBoolean());
    }

    [Fact]
    public async Task Rules_judge_the_flows_too_and_their_reasons_are_added()
    {
        var model = await TrainedModel();
        var rules = Write("rules.yaml", ["countries:", "  suspicious: [KP]", "  score: 90"]);
        var test = Write("test.csv", [Header, "2026-03-09T11:00:00Z,10.0.1.3,203.0.113.7,443,TCP,5000,,KP"]);

        var run = await CliRun.Of("anomaly", "score", "--model", model, "--flows", test, "--rules", rules);

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains(",90.0,true,", run.Out, StringComparison.Ordinal);
        Assert.Contains("10.0.1.3 contacted 203.0.113.7:443/TCP in KP, a country listed as suspicious", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_rules_file_is_reported_with_its_line_and_exits_1()
    {
        var model = await TrainedModel();
        var rules = Write("rules.yaml", ["ports:", "  suspicious: [23, 0]"]);

        var run = await CliRun.Of("anomaly", "score", "--model", model, "--flows", Office(days: 1), "--rules", rules);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rules.yaml:2:20: error: ports.suspicious[1]: \"0\" is not a port number from 1 to 65535", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_flows_file_is_reported_like_a_compiler_and_exits_1()
    {
        var flows = Write("bad.csv", [Header, "noon,10.0.1.1,10.0.2.1,22,TCP,10,,"]);

        var run = await CliRun.Of("anomaly", "train", "--flows", flows, "--model", Path("model.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.csv:2:1: error: timestamp: \"noon\" is not a timestamp", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("model.json")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_exits_1_and_a_missing_one_3()
    {
        var notModel = Write("model.json", ["{\"format\": \"something else\"}"]);
        var flows = Office(days: 1);

        var invalid = await CliRun.Of("anomaly", "score", "--model", notModel, "--flows", flows);
        var missing = await CliRun.Of("anomaly", "score", "--model", Path("none.json"), "--flows", flows);

        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("model.json: not a model file", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("none.json: no such file or directory", missing.Error, StringComparison.Ordinal);
    }

    private async Task<string> TrainedModel()
    {
        var run = await CliRun.Of("anomaly", "train", "--flows", Office(days: 4), "--model", Path("model.json"));
        Assert.Equal(0, run.ExitCode);
        return Path("model.json");
    }

    /// <summary>Ten workstations using two services each during working hours.</summary>
    private string Office(int days)
    {
        var random = new Random(1);
        var lines = new List<string> { Header };
        for (var day = 0; day < days; day++)
        {
            for (var i = 0; i < 600; i++)
            {
                var host = 1 + (i % 10);
                var at = new DateTime(2026, 3, 2 + day, 9, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(8 * 3600));
                var service = (host + random.Next(2)) % 4;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{at:yyyy-MM-ddTHH:mm:ssZ},10.0.1.{host},10.0.2.{service + 1},{443 + service},TCP,{random.Next(2000, 20000)},,"));
            }
        }

        return Write($"office-{days}.csv", lines);
    }

    private static IEnumerable<string> Scan(string start)
    {
        var at = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        return Enumerable.Range(1, 200).Select(port =>
            string.Create(CultureInfo.InvariantCulture, $"{at.AddMilliseconds(200 * port):yyyy-MM-ddTHH:mm:ss.fffZ},10.0.1.4,10.0.2.2,{port},TCP,60,,"));
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        File.WriteAllText(Path(name), string.Join('\n', lines) + "\n", Encoding.UTF8);
        return Path(name);
    }

    private string Path(string name) => System.IO.Path.Combine(_directory, name);
}
