using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Core.Diagnostics;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap check --from --to</c>: decides one flow and explains it. Exit 0 allowed, 1 denied, and 2
/// when an end names neither a workload nor an address, since that is a mistake on the command line.
/// </summary>
internal static class SingleFlowCheck
{
    private static readonly SourceLocation CommandLine = new("command line", 1, 1);

    public static FlowRequest Request(ParseResult parseResult, CheckOptions options)
    {
        // The validators have already accepted these values, so parsing cannot fail here.
        ProtocolNames.TryParse(parseResult.GetValue(options.Protocol) ?? CheckOptions.DefaultProtocol, out var protocol);
        return new FlowRequest(
            parseResult.GetRequiredValue(options.From),
            parseResult.GetRequiredValue(options.To),
            protocol,
            parseResult.GetValue(options.Port),
            CommandLine);
    }

    public static int Run(CheckInputs inputs, FlowRequest request, OutputFormat format, CliConsole console)
    {
        var diagnostics = new DiagnosticBag();
        if (!new FlowEndpointResolver(inputs.Inventory).TryResolve(request, diagnostics, out var flow))
        {
            foreach (var diagnostic in diagnostics.ToImmutableSorted())
            {
                var option = diagnostic.FieldPath == FlowEndpointResolver.SourceField ? "--from" : "--to";
                console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {option}: {diagnostic.Message}");
            }

            return ExitCodes.Usage;
        }

        var verdict = new FlowVerdict(flow, inputs.Engine.Explain(flow.Flow));
        IRenderer<FlowVerdict> renderer = format == OutputFormat.Json
            ? new CheckJsonRenderer()
            : new CheckTableRenderer(console.OutPalette);
        renderer.Render(verdict, console.Out);
        return verdict.Allowed ? ExitCodes.Success : ExitCodes.InvalidOrDenied;
    }
}
