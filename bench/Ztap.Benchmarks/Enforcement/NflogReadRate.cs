using System.Diagnostics;
using System.Globalization;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Nftables;
using Ztap.Enforcement;

namespace Ztap.Benchmarks.Enforcement;

/// <summary>
/// Applies an estate with the nftables backend inside a network namespace (root), logging denied
/// packets at the given rate (0: not at all), prints "ready", then reads the logged denials for the
/// given time and prints how many records arrived, how many were lost, the table's denied and
/// suppressed counters and the reader's CPU time per record. A flood started after "ready" supplies
/// the denials; the table is removed at the end.
/// </summary>
internal static class NflogReadRate
{
    public static async Task RunAsync(string networkNamespace, string estateDirectory, int ratePerSecond, double seconds)
    {
        var (policies, inventory) = await WrittenEstate.LoadAsync(estateDirectory);

        var set = PolicyCompiler.Compile(policies, inventory);
        var state = Directory.CreateTempSubdirectory("ztap-nflog-bench-");
        var enforcer = new NftablesEnforcer(new NftablesLocation(state.FullName, networkNamespace));
        try
        {
            var log = ratePerSecond > 0 ? new DeniedPacketLog(RatePerSecond: ratePerSecond, Burst: ratePerSecond) : null;
            var applied = await enforcer.ApplyAsync(set, new EnforcementOptions { LogDenied = log }, CancellationToken.None);
            using var reader = log is null ? null : await enforcer.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine("ready");
            long records = 0;
            using var time = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            if (reader is not null)
            {
                try
                {
                    await foreach (var record in reader.ReadAllAsync(time.Token))
                    {
                        records++;
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds));
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var status = await enforcer.StatusAsync(CancellationToken.None);
            var denied = status.Policies.Aggregate(0UL, (sum, p) => sum + p.Denied);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"records {records} lost {reader?.Dropped ?? 0} denied {denied} suppressed {status.Totals.EventsLost} reader_cpu_s {cpu.TotalSeconds:F2} cpu_us_per_record {(records > 0 ? cpu.TotalMicroseconds / records : 0):F2}"));
        }
        finally
        {
            await enforcer.RemoveAsync(CancellationToken.None);
            state.Delete(recursive: true);
        }
    }
}
