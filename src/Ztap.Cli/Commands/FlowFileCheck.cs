using Ztap.Cli.Output;
using Ztap.Core.Diagnostics;
using Ztap.Core.Flows;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap check --flows FILE</c>: decides every flow of a CSV file. A bad row or an end that cannot
/// be resolved makes the file invalid (exit 1, nothing decided); otherwise the run succeeds (exit 0)
/// whatever the verdicts, unless <c>--fail-on-deny</c> asks for 1 when any flow is denied.
/// </summary>
internal static class FlowFileCheck
{
    public static async Task<int> RunAsync(
        CheckInputs inputs, string path, OutputFormat format, bool failOnDeny, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputPaths.AllExist([path], console))
        {
            return ExitCodes.IoFailure;
        }

        var read = await FlowCsvReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(read.Diagnostics);
        var resolver = new FlowEndpointResolver(inputs.Inventory);
        var flows = new List<ResolvedFlow>(read.Requests.Length);
        foreach (var request in read.Requests)
        {
            if (resolver.TryResolve(request, diagnostics, out var flow))
            {
                flows.Add(flow);
            }
        }

        if (diagnostics.HasErrors)
        {
            var sorted = diagnostics.ToImmutableSorted();
            DiagnosticText.WriteAll(sorted, console.Error, console.ErrorPalette);
            console.Error.WriteLine($"{DiagnosticText.Count(sorted)} in {path}; no flow was decided");
            return ExitCodes.InvalidOrDenied;
        }

        var verdicts = flows.ConvertAll(flow => new FlowVerdict(flow, inputs.Engine.Explain(flow.Flow)));
        IRenderer<IReadOnlyList<FlowVerdict>> renderer = format == OutputFormat.Json
            ? new FlowsJsonRenderer()
            : new FlowsTableRenderer(console.OutPalette);
        renderer.Render(verdicts, console.Out);
        return failOnDeny && verdicts.Exists(v => !v.Allowed) ? ExitCodes.InvalidOrDenied : ExitCodes.Success;
    }
}
