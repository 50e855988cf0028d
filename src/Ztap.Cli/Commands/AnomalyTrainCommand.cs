using System.CommandLine;
using Ztap.Anomaly.Forest;
using Ztap.Cli.Output;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap anomaly train</c>: learns what normal traffic looks like from a flows CSV and writes the model.
/// Training data should cover at least two weeks, so weekly jobs such as a vulnerability scan are seen twice.
/// </summary>
internal static class AnomalyTrainCommand
{
    public const string Footer = """
        The flows should be ordinary traffic covering at least two weeks: weekly jobs (a vulnerability
        scan, a report run) are then learnt as routine. Rows may come in any order. A flow log
        (flows.jsonl, or any file whose first character is {) is read as its flows.
        Exit codes: 0 model written, 1 flows file invalid, 2 usage error, 3 a path does not exist.

        Examples:
          ztap anomaly train --flows train.csv --model model.json
          ztap anomaly train --flows train.csv --model model.json --seed 7
          ztap anomaly train --flows /var/log/ztap/flows.jsonl --model model.json
        """;

    public static Command Create(CliConsole console)
    {
        var flows = new Option<string>("--flows") { Description = "Flows to learn from: a CSV, or a flow log the agent wrote (JSON lines).", HelpName = "FILE", Required = true };
        var model = new Option<string>("--model") { Description = "Where to write the model (JSON).", HelpName = "FILE", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for the forest's random choices; the same flows and seed give the same model.", HelpName = "N" };
        var command = new Command("train", "Learn normal traffic from a flows CSV and write the model.") { flows, model, seed };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(flows), parseResult.GetRequiredValue(model), parseResult.GetValue(seed), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string flowsPath, string modelPath, int seed, CliConsole console, CancellationToken cancellationToken)
    {
        var (flows, exitCode) = await FlowsInput.LoadAsync(flowsPath, console, cancellationToken).ConfigureAwait(false);
        if (flows is null)
        {
            return exitCode;
        }

        if (flows.Rows.IsEmpty)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {flowsPath}: no flows to learn from");
            return ExitCodes.InvalidOrDenied;
        }

        var options = ForestDetectorOptions.Default with { Forest = ForestDetectorOptions.Default.Forest with { Seed = seed } };
        var detector = new ForestDetector(options);
        detector.Train([.. flows.Rows.Select(r => r.Flow)]);
        await Ztap.Anomaly.Model.ModelFile.SaveAsync(detector.Model!, modelPath, cancellationToken).ConfigureAwait(false);

        var sources = flows.Rows.Select(r => r.Flow.Source).Distinct().Count();
        console.Out.WriteLine($"trained on {Plural.Of(flows.Rows.Length, "flow")} from {Plural.Of(sources, "source")}; "
            + $"model written to {modelPath} (anomalies score {detector.Model!.Threshold * 100:0.0} or more)");
        return ExitCodes.Success;
    }
}
