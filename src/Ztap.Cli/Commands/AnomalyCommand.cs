using System.CommandLine;

namespace Ztap.Cli.Commands;

/// <summary><c>ztap anomaly</c>: the verbs of anomaly detection, which train, score and serve an Isolation Forest over flows.</summary>
internal static class AnomalyCommand
{
    public const string Footer = """
        Flows are CSV with the header timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo
        (geo columns optional; timestamps ISO 8601, UTC unless an offset is given, or Unix seconds).

        Examples:
          ztap anomaly train --flows train.csv --model model.json --seed 7
          ztap anomaly score --model model.json --flows today.csv -o json --out scored.json
          ztap anomaly serve --model model.json --listen 127.0.0.1:5000
        """;

    public static (Command Command, IReadOnlyDictionary<Command, string> Footers) Create(CliConsole console)
    {
        var train = AnomalyTrainCommand.Create(console);
        var score = AnomalyScoreCommand.Create(console);
        var serve = AnomalyServeCommand.Create(console);
        var command = new Command("anomaly", "Train, score and serve the anomaly detector over flows.") { train, score, serve };
        return (command, new Dictionary<Command, string>
        {
            [command] = Footer,
            [train] = AnomalyTrainCommand.Footer,
            [score] = AnomalyScoreCommand.Footer,
            [serve] = AnomalyServeCommand.Footer,
        });
    }
}
