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

        IRenderer<IEnumerable<FlowVerdict>> renderer = format == OutputFormat.Json
            ? new FlowsJsonRenderer()
            : new FlowsTableRenderer(console.OutPalette);
        var denied = 0;
        renderer.Render(Decide(), console.Out);
        return failOnDeny && denied > 0 ? ExitCodes.InvalidOrDenied : ExitCodes.Success;

        // Flows are decided as the renderer asks for them, so explanations never pile up in memory.
        IEnumerable<FlowVerdict> Decide()
        {
            foreach (var flow in flows)
            {
                var verdict = new FlowVerdict(flow, inputs.Engine.Explain(flow.Flow));
                denied += verdict.Allowed ? 0 : 1;
                yield return verdict;
            }
        }
    }
}
