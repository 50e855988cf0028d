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
        A flow log (flows.jsonl, or a file starting with {) is printed with the CSV's columns.
        With --rules, the rule detector (suspicious ports, countries, and volume when volume.max_bytes is set;
        see docs/anomaly.md) judges each flow too: the higher score counts, and either can raise an alert.
        Exit codes: 0 scored, 1 flows, model or rules file invalid, 2 usage error, 3 a path does not exist.

        Examples:
          ztap anomaly score --model model.json --flows today.csv
          ztap anomaly score --model model.json --flows today.csv -o json --out scored.json
          ztap anomaly score --model model.json --flows today.csv --rules rules.yaml
          ztap anomaly score --model model.json --flows /var/log/ztap/flows.jsonl
        """;

    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "The model written by 'ztap anomaly train'.", HelpName = "FILE", Required = true };
        var flows = new Option<string>("--flows") { Description = "Flows to score: a CSV, or a flow log the agent wrote (JSON lines).", HelpName = "FILE", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Output format.", HelpName = "csv|json", DefaultValueFactory = _ => "csv" };
        output.AcceptOnlyFromAmong("csv", "json");
        var outFile = new Option<string>("--out") { Description = "Write the output to this file instead of standard output.", HelpName = "FILE" };
        var rules = new Option<string>("--rules") { Description = "Also apply the rule detector configured in this YAML file.", HelpName = "FILE" };
        var command = new Command("score", "Score the flows of a CSV file with a trained model.") { model, flows, output, outFile, rules };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new ScoreInputs(parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(flows), parseResult.GetValue(rules)),
            parseResult.GetValue(output) == "json", parseResult.GetValue(outFile), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ScoreInputs inputs, bool json, string? outPath, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputPaths.AllExist([inputs.Model], console))
        {
            return ExitCodes.IoFailure;
        }

        var (model, error) = await ModelFile.LoadAsync(inputs.Model, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {inputs.Model}: {error}");
            return ExitCodes.InvalidOrDenied;
        }

        IAnomalyDetector detector = new ForestDetector(model);
        var (rules, countries, rulesExitCode) = inputs.Rules is null
            ? (null, null, ExitCodes.Success)
            : await RulesInput.LoadAsync(inputs.Rules, console, cancellationToken).ConfigureAwait(false);
        using var database = countries;
        if (inputs.Rules is not null)
        {
            if (rules is null)
            {
                return rulesExitCode;
            }

            detector = new CombinedDetector([detector, rules]);
        }

        var (flows, exitCode) = await FlowsInput.LoadAsync(inputs.Flows, console, cancellationToken).ConfigureAwait(false);
        if (flows is null)
        {
            return exitCode;
        }

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

    private sealed record ScoreInputs(string Model, string Flows, string? Rules);
}
