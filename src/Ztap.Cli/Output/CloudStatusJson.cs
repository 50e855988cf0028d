using System.Text.Json;
using Ztap.Cloud.Status;

namespace Ztap.Cli.Output;

/// <summary>The AWS part of <c>ztap status -o json</c>; <c>inSync</c> and each instance's <c>sync</c> are null when not compared.</summary>
internal static class CloudStatusJson
{
    public static void Write(Utf8JsonWriter writer, string name, CloudStatus? status)
    {
        if (status is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("region", status.Region);
        writer.WriteNumber("managedGroups", status.ManagedGroups);
        if (status.InSync is { } inSync)
        {
            writer.WriteBoolean("inSync", inSync);
            writer.WriteNumber("pendingChanges", status.Plan!.Steps.Length);
            writer.WriteStrings("errors", status.Plan.Errors);
        }
        else
        {
            writer.WriteNull("inSync");
        }

        writer.WriteStartArray("instances");
        foreach (var instance in status.Instances)
        {
            writer.WriteStartObject();
            writer.WriteString("instanceId", instance.Instance.InstanceId);
            writer.WriteString("namespace", instance.Instance.Namespace);
            writer.WriteString("vpcId", instance.Instance.VpcId);
            writer.WriteStrings("addresses", instance.Instance.Addresses.Select(a => a.ToString()));
            writer.WriteStrings("ztapGroups", instance.ZtapGroups);
            if (instance.State == SyncState.NotCompared)
            {
                writer.WriteNull("sync");
            }
            else
            {
                writer.WriteString("sync", instance.State == SyncState.InSync ? "in-sync" : "out-of-sync");
                writer.WriteStrings("pendingChanges", instance.PendingChanges);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
