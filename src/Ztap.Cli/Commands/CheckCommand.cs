using System.CommandLine;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap check</c>: decides one flow (<c>--from --to</c>) and explains why, or many flows from a
/// CSV file (<c>--flows</c>). The two modes share the loading and differ in output and exit codes.
/// </summary>
internal static class CheckCommand
{
    public const string Footer = """
        One flow (--from, --to): prints the verdict and, for the source's egress and the destination's
        ingress, the policies that isolate it and the rule that allowed it, or that none did.
        Exit codes: 0 allowed, 1 denied or input invalid, 2 usage error, 3 a path does not exist.

        Many flows (--flows FILE, CSV with the header src,dst,port,protocol): one verdict per flow.
        Exit codes: 0 the run worked whatever the verdicts (1 when a flow is denied with --fail-on-deny),
        1 invalid input, 2 usage error, 3 a path does not exist.

        Examples:
          ztap check -f examples/policies -i examples/inventory.yaml --from web-1 --to db-1 --port 5432
          ztap check -f examples/policies -i examples/inventory.yaml --from web-1 --to 10.0.9.10 --protocol ICMP
          ztap check -f examples/policies examples/kubernetes -i examples/inventory.yaml \
              --flows examples/flows.csv -o json
        """;

    public static Command Create(CliConsole console)
    {
        var options = new CheckOptions();
        var command = new Command("check", "Decide whether flows are allowed, and explain which policies and rules decided.");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.Validators.Add(options.Validate);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var policies = parseResult.GetRequiredValue(options.Policies);
            var inventory = parseResult.GetRequiredValue(options.Inventory);
            var flowsPath = parseResult.GetValue(options.Flows);

            // Every path is checked before the slow part, so a typo in the last one fails at once.
            if (!InputPaths.AllExist([.. policies, inventory, .. flowsPath is null ? [] : new[] { flowsPath }], console))
            {
                return ExitCodes.IoFailure;
            }

            var inputs = await CheckInputs.LoadAsync(policies, inventory, console, cancellationToken).ConfigureAwait(false);
            if (inputs is null)
            {
                return ExitCodes.InvalidOrDenied;
            }

            var format = parseResult.GetFormat(options.Output);
            return flowsPath is not null
                ? await FlowFileCheck.RunAsync(inputs, flowsPath, format, parseResult.GetValue(options.FailOnDeny), console, cancellationToken).ConfigureAwait(false)
                : SingleFlowCheck.Run(inputs, SingleFlowCheck.Request(parseResult, options), format, console);
        });
        return command;
    }
}
