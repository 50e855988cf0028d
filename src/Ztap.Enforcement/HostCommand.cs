using System.ComponentModel;
using System.Diagnostics;

namespace Ztap.Enforcement;

/// <summary>
/// Runs a host tool (nft, ip, pfctl), inside a network namespace when one is given, so a backend
/// can be pointed at a test's namespace exactly as it runs on a host.
/// </summary>
internal sealed record HostCommand(string? NetworkNamespace)
{
    public async Task<HostCommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var start = NetworkNamespace is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("nsenter", [$"--net={NetworkNamespace}", program, .. arguments]);
        start.RedirectStandardInput = input is not null;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new EnforcementException(EnforcementFailure.Unsupported, $"running {start.FileName}: {e.Message} (is it installed?)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(cancellationToken);
            return new HostCommandResult(process.ExitCode, await output, await errors);
        }
    }
}
