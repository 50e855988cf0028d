using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Ztap.Cli.Commands;
using Ztap.Cloud.Aws;

namespace Ztap.Cli;

/// <summary>
/// The <c>ztap</c> command tree and how it is run: parse, report usage errors with exit code 2,
/// invoke the verb, and turn OS failures into one clear line instead of a stack trace.
/// </summary>
internal static class ZtapCommandLine
{
    private const string RootFooter = """
        Exit codes: 0 success, 1 input invalid or flow denied, 2 usage error, 3 file missing or unreadable,
        5 AWS failure, 6 the host refused to enforce.

        Examples:
          ztap validate -f examples/policies examples/kubernetes
          ztap check -f examples/policies -i examples/inventory.yaml --from web-1 --to db-1 --port 5432
          ztap enforce -f examples/policies -i examples/inventory.yaml
          ztap logs --follow --verdict deny
          ztap cloud sync -f examples/policies --region eu-west-1 --dry-run
          ztap anomaly score --model model.json --flows flows.csv
        """;

    public static Command Build(CliConsole console)
    {
        var validate = ValidateCommand.Create(console);
        var check = CheckCommand.Create(console);
        var enforce = EnforceCommand.Create(console);
        var status = StatusCommand.Create(console, AwsEnvironment.Process);
        var metrics = MetricsCommand.Create(console);
        var agent = AgentCommand.Create(console);
        var logs = LogsCommand.Create(console);
        var (cloud, discover, sync) = CloudCommand.Create(console, AwsEnvironment.Process);
        var (anomaly, anomalyFooters) = AnomalyCommand.Create(console);
        var help = new HelpOption { Recursive = true };

        // A plain Command rather than RootCommand: the root is named "ztap" however the binary
        // is started (dotnet ztap.dll, a test host, out/ztap), so help and snapshots stay stable.
        var root = new Command("ztap", "ZTAP: zero-trust microsegmentation with Kubernetes NetworkPolicy.")
        {
            help,
            new VersionOption(),
            validate,
            check,
            enforce,
            status,
            metrics,
            agent,
            logs,
            cloud,
            anomaly,
        };

        var footers = new Dictionary<Command, string>(anomalyFooters)
        {
            [root] = RootFooter,
            [validate] = ValidateCommand.Footer,
            [check] = CheckCommand.Footer,
            [discover] = CloudDiscoverCommand.Footer,
            [sync] = CloudSyncCommand.Footer,
            [enforce] = EnforceCommand.Footer,
            [status] = StatusCommand.Footer,
            [metrics] = MetricsCommand.Footer,
            [agent] = AgentCommand.Footer,
            [logs] = LogsCommand.Footer,
        };
        help.Action = new HelpWithExamples((HelpAction)help.Action!, footers);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var parseResult = Build(console).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return ReportUsageErrors(parseResult, console);
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {exception.Message}");
            return ExitCodes.IoFailure;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("internal error:")} this is a bug in ztap; please report it with the input that caused it.");
            console.Error.WriteLine(exception.ToString());
            return ExitCodes.InternalError;
        }
    }

    private static int ReportUsageErrors(ParseResult parseResult, CliConsole console)
    {
        foreach (var error in parseResult.Errors)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {error.Message}");
        }

        console.Error.WriteLine($"Run '{CommandPath(parseResult.CommandResult.Command)} --help' for usage and examples.");
        return ExitCodes.Usage;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }
}
