namespace Ztap.Cli.Output;

/// <summary><c>ztap cloud discover</c> for people: one instance a line, then a count.</summary>
internal sealed class DiscoverTableRenderer : IRenderer<DiscoveryReport>
{
    public void Render(DiscoveryReport report, TextWriter output)
    {
        var instances = report.Result.Instances;
        if (instances.IsEmpty)
        {
            output.WriteLine($"no running or pending instances in {report.Region}");
            return;
        }

        var table = new TextTable("INSTANCE", "NAMESPACE", "VPC", "STATE", "ADDRESSES", "LABELS");
        foreach (var instance in instances)
        {
            table.Add(
                instance.InstanceId,
                instance.Namespace,
                instance.VpcId,
                instance.State,
                string.Join(',', instance.Addresses),
                instance.Labels.Count == 0 ? "<none>" : instance.Labels.ToString());
        }

        table.Write(output);
        output.WriteLine($"{Plural.Of(instances.Length, "instance")} in {report.Region}");
    }
}
