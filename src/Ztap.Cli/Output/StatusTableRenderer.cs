using System.Globalization;
using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap status</c>: the version in force, then attached workloads, map fill levels and counters per policy, then AWS when configured.</summary>
internal sealed class StatusTableRenderer(Palette palette) : IRenderer<StatusReport>
{
    public void Render(StatusReport report, TextWriter output)
    {
        RenderHost(report.Host, output);
        if (report.Aws is { } aws)
        {
            output.WriteLine();
            new CloudStatusTable(palette).Write(aws, output);
        }
    }

    private void RenderHost(EnforcementStatus status, TextWriter output)
    {
        if (!status.Installed)
        {
            output.WriteLine($"backend {status.Backend}: nothing is enforced on this host");
            return;
        }

        var mode = status.Mode == EnforcementMode.Audit ? palette.Warning("audit") : palette.Allowed("enforce");
        var applied = status.AppliedAt is { } at ? $", applied {at.ToString("u", CultureInfo.InvariantCulture)}" : "";
        output.WriteLine($"backend {status.Backend}: policy version {status.PolicyVersion ?? "unknown"} (generation {status.Generation}{applied}), mode {mode}");
        output.WriteLine($"{Plural.Of(status.Identities.Length, "identity")}; decisions: {Number(status.Totals.Allowed)} allowed, {Number(status.Totals.Denied)} denied, {Number(status.Totals.Audited)} audited, {Number(status.Totals.EventsLost)} events lost");

        output.WriteLine();
        AttachedTable.Write(status.Attached, output);

        output.WriteLine();
        var maps = new TextTable("MAP", "ENTRIES", "CAPACITY", "USED");
        foreach (var map in status.Maps)
        {
            // A capacity of 0 is a table without a fixed size (nftables sets).
            maps.Add(
                map.Name,
                Number(map.Entries),
                map.Capacity == 0 ? "-" : Number(map.Capacity),
                map.Capacity == 0 ? "-" : (map.Entries / (double)map.Capacity).ToString("P1", CultureInfo.InvariantCulture));
        }

        maps.Write(output);

        output.WriteLine();
        var policies = new TextTable("POLICY", "ALLOWED", "ALLOWED BYTES", "DENIED", "DENIED BYTES");
        foreach (var policy in status.Policies)
        {
            policies.Add(policy.Policy, Number(policy.Allowed), Number(policy.AllowedBytes), Number(policy.Denied), Number(policy.DeniedBytes));
        }

        policies.Write(output);
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
