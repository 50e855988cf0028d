using Ztap.Cloud.Status;

namespace Ztap.Cli.Output;

/// <summary>The AWS part of <c>ztap status</c> for people: a summary line, then one instance a line with its ztap groups.</summary>
internal sealed class CloudStatusTable(Palette palette)
{
    public void Write(CloudStatus status, TextWriter output)
    {
        output.WriteLine($"aws {status.Region}: {Plural.Of(status.Instances.Length, "instance")}, {Plural.Of(status.ManagedGroups, "ztap group")}, {Summary(status)}");
        if (status.Instances.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        var table = new TextTable("INSTANCE", "NAMESPACE", "VPC", "ADDRESSES", "ZTAP GROUPS", "SYNC");
        foreach (var instance in status.Instances)
        {
            table.Add(
                instance.Instance.InstanceId,
                instance.Instance.Namespace,
                instance.Instance.VpcId,
                string.Join(',', instance.Instance.Addresses),
                instance.ZtapGroups.IsEmpty ? "<none>" : string.Join(',', instance.ZtapGroups),
                State(instance));
        }

        table.Write(output);
    }

    private string Summary(CloudStatus status) => status.InSync switch
    {
        null => "not compared (give -f POLICIES to compare)",
        true => palette.Allowed("in sync"),
        false when !status.Plan!.CanApply => palette.Error($"out of sync, and a sync is refused: {Plural.Of(status.Plan.Errors.Length, "error")} (see ztap cloud sync --dry-run)"),
        false => palette.Warning($"out of sync: {Plural.Of(status.Plan!.Steps.Length, "change")} pending (ztap cloud sync applies them)"),
    };

    private static string State(InstanceStatus instance) => instance.State switch
    {
        SyncState.InSync => "in sync",
        SyncState.OutOfSync => Plural.Of(instance.PendingChanges.Length, "change"),
        _ => "-",
    };
}
