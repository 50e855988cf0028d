using System.CommandLine;
using System.CommandLine.Parsing;
using Ztap.Core.Policy;

namespace Ztap.Cli.Commands;

/// <summary>
/// The options of <c>ztap check</c> and the rules between them, checked while parsing so that a
/// wrong combination is a usage error (exit 2) before any file is read.
/// </summary>
internal sealed class CheckOptions
{
    public const string DefaultProtocol = "TCP";

    public Option<string[]> Policies { get; } = CommonOptions.PolicyPaths();

    public Option<string> Inventory { get; } = new("--inventory", "-i")
    {
        Description = "Inventory file: workloads, namespaces, labels and addresses.",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string> From { get; } = new("--from")
    {
        Description = "Source of one flow: namespace/name, name or IP address.",
        HelpName = "SRC",
    };

    public Option<string> To { get; } = new("--to")
    {
        Description = "Destination of one flow, written like --from.",
        HelpName = "DST",
    };

    public Option<int?> Port { get; } = new("--port")
    {
        Description = "Destination port of one flow (1-65535); none for ICMP.",
        HelpName = "PORT",
    };

    public Option<string> Protocol { get; } = new("--protocol")
    {
        Description = "Protocol of one flow: TCP, UDP, SCTP or ICMP.",
        HelpName = "PROTO",
        DefaultValueFactory = _ => DefaultProtocol,
    };

    public Option<string> Flows { get; } = new("--flows")
    {
        Description = "CSV of flows to decide: header src,dst,port,protocol.",
        HelpName = "FILE",
    };

    public Option<bool> FailOnDeny { get; } = new("--fail-on-deny")
    {
        Description = "With --flows: exit 1 when any flow is denied.",
    };

    public Option<string> Output { get; } = CommonOptions.Output();

    public IEnumerable<Option> All => [Policies, Inventory, From, To, Port, Protocol, Flows, FailOnDeny, Output];

    public void Validate(CommandResult result)
    {
        // The parser reports missing required options only when no validator has complained, so
        // leave those to it; combinations are worth checking only once the basics are there.
        if (result.GetResult(Policies) is null || result.GetResult(Inventory) is null)
        {
            return;
        }

        var hasFlows = result.GetResult(Flows) is not null;
        var hasFrom = result.GetResult(From) is not null;
        var hasTo = result.GetResult(To) is not null;

        if (hasFlows)
        {
            if (hasFrom || hasTo || Given(result, Port) || Given(result, Protocol))
            {
                result.AddError("--flows decides the flows of a file; leave out --from, --to, --port and --protocol");
            }

            return;
        }

        if (!hasFrom || !hasTo)
        {
            result.AddError("give --from and --to to check one flow, or --flows FILE to check many");
            return;
        }

        if (Given(result, FailOnDeny))
        {
            result.AddError("--fail-on-deny applies to --flows; one flow's exit code is already 1 when denied");
        }

        ValidateService(result);
    }

    private void ValidateService(CommandResult result)
    {
        // Defaults are not applied yet while validating, so an absent --protocol reads as null here.
        var protocolText = result.GetValue(Protocol) ?? DefaultProtocol;
        if (!ProtocolNames.TryParse(protocolText, out var protocol))
        {
            result.AddError($"--protocol: \"{protocolText}\" is not a protocol; use TCP, UDP, SCTP or ICMP");
            return;
        }

        var port = result.GetValue(Port);
        if (!ProtocolNames.HasPorts(protocol) && port is not null)
        {
            result.AddError($"--port: {ProtocolNames.Format(protocol)} has no ports; leave --port out");
        }
        else if (ProtocolNames.HasPorts(protocol) && port is null)
        {
            result.AddError($"--port is required for {ProtocolNames.Format(protocol)}");
        }
        else if (port is < 1 or > 65535)
        {
            result.AddError($"--port: {port} is not a port number from 1 to 65535");
        }
    }

    private static bool Given(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };
}
