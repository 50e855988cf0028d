using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap status -o json</c>: everything the table shows, with stable names (docs/cli.md); <c>aws</c> is null when AWS is not configured.</summary>
internal sealed class StatusJsonRenderer : IRenderer<StatusReport>
{
    public void Render(StatusReport report, TextWriter output)
    {
        var status = report.Host;
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        writer.WriteStartObject();
        writer.WriteString("backend", status.Backend);
        writer.WriteBoolean("installed", status.Installed);
        writer.WriteString("policyVersion", status.PolicyVersion);
        writer.WriteNumber("generation", status.Generation);
        if (status.AppliedAt is { } appliedAt)
        {
            writer.WriteString("appliedAt", appliedAt);
        }
        else
        {
            writer.WriteNull("appliedAt");
        }

        writer.WriteString("mode", status.Mode == EnforcementMode.Audit ? "audit" : "enforce");
        AttachedTable.WriteJson(writer, "attached", status.Attached);

        writer.WriteStartArray("identities");
        foreach (var identity in status.Identities)
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", identity.Number);
            writer.WriteString("description", identity.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("maps");
        foreach (var map in status.Maps)
        {
            writer.WriteStartObject();
            writer.WriteString("name", map.Name);
            writer.WriteNumber("entries", map.Entries);
            writer.WriteNumber("capacity", map.Capacity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("policies");
        foreach (var policy in status.Policies)
        {
            writer.WriteStartObject();
            writer.WriteString("policy", policy.Policy);
            writer.WriteNumber("allowed", policy.Allowed);
            writer.WriteNumber("allowedBytes", policy.AllowedBytes);
            writer.WriteNumber("denied", policy.Denied);
            writer.WriteNumber("deniedBytes", policy.DeniedBytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("totals");
        writer.WriteNumber("allowed", status.Totals.Allowed);
        writer.WriteNumber("denied", status.Totals.Denied);
        writer.WriteNumber("audited", status.Totals.Audited);
        writer.WriteNumber("eventsLost", status.Totals.EventsLost);
        writer.WriteEndObject();
        CloudStatusJson.Write(writer, "aws", report.Aws);
        writer.WriteEndObject();
    }
}
