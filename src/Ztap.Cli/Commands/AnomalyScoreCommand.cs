using System.CommandLine;
using Ztap.Anomaly;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Model;
using Ztap.Cli.Output;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap anomaly score</c>: scores every row of a flows CSV with a trained model. Rows are scored in
/// timestamp order, so each is judged with the context of the flows before it, and printed in file order.
/// </summary>
internal static class AnomalyScoreCommand
{
    public const string Footer = """
        Prints the input rows with score (0-100), is_anomaly and reason added; rows are judged in timestamp
        order with the context of earlier rows (port scans, sweeps, beacons), and printed in file order.
        Exit codes: 0 scored, 1 flows or model file invalid, 2 usage error, 3 a path does not exist.

        Examples:
          ztap anomaly score --model model.json --flows today.csv
          ztap anomaly score --model model.json --flows today.csv -o json --out scored.json
        """;

    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "The model written by 'ztap anomaly train'.", HelpName = "FILE", Required = true };
        var flows = new Option<string>("--flows") { Description = "Flows CSV to score.", HelpName = "FILE", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Output format.", HelpName = "csv|json", DefaultValueFactory = _ => "csv" };
        output.AcceptOnlyFromAmong("csv", "json");
        var outFile = new Option<string>("--out") { Description = "Write the output to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("score", "Score the flows of a CSV file with a trained model.") { model, flows, output, outFile };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(flows), parseResult.GetValue(output) == "json",
            parseResult.GetValue(outFile), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string modelPath, string flowsPath, bool json, string? outPath, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputPaths.AllExist([modelPath], console))
        {
            return ExitCodes.IoFailure;
        }

        var (model, error) = await ModelFile.LoadAsync(modelPath, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {modelPath}: {error}");
            return ExitCodes.InvalidOrDenied;
        }

        var (flows, exitCode) = await FlowsInput.LoadAsync(flowsPath, console, cancellationToken).ConfigureAwait(false);
        if (flows is null)
        {
            return exitCode;
        }

        var detector = new ForestDetector(model);
        var results = new AnomalyResult[flows.Rows.Length];
        foreach (var i in Enumerable.Range(0, results.Length).OrderBy(i => flows.Rows[i].Flow.Timestamp))
        {
            results[i] = detector.Detect(flows.Rows[i].Flow);
        }

        var report = new ScoredFlows(flows.Header, flows.Rows, [.. results]);
        IRenderer<ScoredFlows> renderer = json ? new ScoredFlowsJsonRenderer() : new ScoredFlowsCsvRenderer();
        if (outPath is null)
        {
            renderer.Render(report, console.Out);
            return ExitCodes.Success;
        }

        await using (var file = new StreamWriter(outPath) { NewLine = "\n" })
        {
            renderer.Render(report, file);
        }

        console.Out.WriteLine($"scored {Plural.Of(report.Rows.Length, "flow")}, {Plural.Of(report.Anomalies, "anomaly")}; written to {outPath}");
        return ExitCodes.Success;
    }
}
