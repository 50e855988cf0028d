using System.Collections.Immutable;
using System.Globalization;
using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary>The workloads enforcement is attached to, as enforce and status print them.</summary>
internal static class AttachedTable
{
    public static void Write(ImmutableArray<AttachedWorkload> attached, TextWriter output)
    {
        var table = new TextTable("WORKLOAD", "IDENTITY", "CGROUP");
        foreach (var workload in attached.OrderBy(a => a.Workload, StringComparer.Ordinal))
        {
            table.Add(workload.Workload, workload.Identity.ToString(CultureInfo.InvariantCulture), workload.Cgroup);
        }

        table.Write(output);
    }

    public static void WriteJson(System.Text.Json.Utf8JsonWriter writer, string name, ImmutableArray<AttachedWorkload> attached)
    {
        writer.WriteStartArray(name);
        foreach (var workload in attached)
        {
            writer.WriteStartObject();
            writer.WriteString("workload", workload.Workload);
            writer.WriteString("cgroup", workload.Cgroup);
            writer.WriteNumber("cgroupId", workload.CgroupId);
            writer.WriteNumber("identity", workload.Identity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
