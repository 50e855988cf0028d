using System.CommandLine;
using System.Net;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Model;
using Ztap.Anomaly.Service;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap anomaly serve</c>: the detector as an HTTP service compatible with the seed's Python one,
/// on loopback unless told otherwise, until interrupted.
/// </summary>
internal static class AnomalyServeCommand
{
    public const string Footer = """
        Endpoints: GET /health; POST /train with a list of flows or {"flows": [...]}; POST /detect with one
        flow, answered with score, is_anomaly and reason; POST /detect/batch with a list of flows. Flows are
        JSON objects with the CSV's field names. Bodies over 16 MiB get 413, bad JSON or fields 400.
        The service has no authentication: it listens on loopback unless --listen says otherwise.
        Exit codes: 130 when interrupted, 1 model file invalid, 2 usage error, 3 a path does not exist.

        Examples:
          ztap anomaly serve
          ztap anomaly serve --model model.json --listen 127.0.0.1:5000
        """;

    public static Command Create(CliConsole console)
    {
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on.", HelpName = "HOST:PORT", DefaultValueFactory = _ => "127.0.0.1:5000" };
        listen.Validators.Add(result =>
        {
            if (!IPEndPoint.TryParse(result.GetValueOrDefault<string>() ?? "", out _))
            {
                result.AddError($"--listen: \"{result.GetValueOrDefault<string>()}\" is not an address and port such as 127.0.0.1:5000 or [::1]:5000");
            }
        });
        var model = new Option<string>("--model") { Description = "Start with this trained model instead of waiting for POST /train.", HelpName = "FILE" };
        var seed = new Option<int>("--seed") { Description = "Seed for models trained through POST /train.", HelpName = "N" };
        var command = new Command("serve", "Serve the detector over HTTP (the seed's /health, /train, /detect, plus /detect/batch).") { listen, model, seed };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            IPEndPoint.Parse(parseResult.GetRequiredValue(listen)), parseResult.GetValue(model), parseResult.GetValue(seed), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IPEndPoint listen, string? modelPath, int seed, CliConsole console, CancellationToken cancellationToken)
    {
        var options = ForestDetectorOptions.Default with { Forest = ForestDetectorOptions.Default.Forest with { Seed = seed } };
        var detector = new ForestDetector(options);
        if (modelPath is not null)
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

            detector = new ForestDetector(model);
        }

        if (!IPAddress.IsLoopback(listen.Address))
        {
            console.Error.WriteLine($"{console.ErrorPalette.Warning("warning:")} listening on {listen}, beyond this machine; the service has no authentication");
        }

        using var service = new AnomalyService(detector, modelPath is not null, new ServiceOptions(), TimeProvider.System);
        var endpoint = service.Start(listen);
        console.Out.WriteLine($"listening on http://{endpoint}/ ({(modelPath is null ? "no model yet: POST /train first" : $"model {modelPath}")}); Ctrl-C stops");
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        await service.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Cancelled;
    }
}
