namespace Ztap.Cli.Output;

/// <summary><c>ztap cloud discover -o json</c>: the region, every instance as a workload, and every diagnostic (docs/aws.md).</summary>
internal sealed class DiscoverJsonRenderer : IRenderer<DiscoveryReport>
{
    public void Render(DiscoveryReport report, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        writer.WriteStartObject();
        writer.WriteString("region", report.Region);
        writer.WriteStartArray("instances");
        foreach (var instance in report.Result.Instances)
        {
            writer.WriteStartObject();
            writer.WriteString("id", instance.InstanceId);
            writer.WriteString("workload", instance.QualifiedName);
            writer.WriteString("namespace", instance.Namespace);
            writer.WriteString("vpc", instance.VpcId);
            writer.WriteString("state", instance.State);
            writer.WriteStartObject("labels");
            foreach (var (key, value) in instance.Labels)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("addresses");
            foreach (var address in instance.Addresses)
            {
                writer.WriteStringValue(address.ToString());
            }

            writer.WriteEndArray();
            writer.WriteStartArray("interfaces");
            foreach (var networkInterface in instance.Interfaces)
            {
                writer.WriteStartObject();
                writer.WriteString("id", networkInterface.NetworkInterfaceId);
                writer.WriteStartArray("groups");
                foreach (var group in networkInterface.GroupIds)
                {
                    writer.WriteStringValue(group);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            json.FlushIfLarge();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in DiagnosticText.Sorted(report.Result.Diagnostics))
        {
            DiagnosticJson.Write(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
