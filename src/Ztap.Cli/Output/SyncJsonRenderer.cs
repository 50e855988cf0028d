using System.Text.Json;
using Ztap.Cloud.Sync;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary><c>ztap cloud sync -o json</c>: the plan step by step, its errors and notes, and how far applying got (docs/aws.md).</summary>
internal sealed class SyncJsonRenderer : IRenderer<SyncReport>
{
    public void Render(SyncReport report, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        var plan = report.Plan;
        writer.WriteStartObject();
        writer.WriteString("region", report.Region);
        writer.WriteBoolean("dryRun", report.DryRun);
        writer.WriteBoolean("inSync", plan.IsEmpty && plan.CanApply);
        writer.WriteNumber("apiCalls", plan.ApiCalls);
        writer.WriteStartArray("steps");
        foreach (var step in plan.Steps)
        {
            WriteStep(writer, step);
            json.FlushIfLarge();
        }

        writer.WriteEndArray();
        writer.WriteStrings("errors", plan.Errors);
        writer.WriteStrings("notes", plan.Notes);
        if (report.Applied is { } applied)
        {
            writer.WriteNumber("applied", applied);
        }
        else
        {
            writer.WriteNull("applied");
        }

        writer.WriteStrings("postponed", report.Postponed);
        if (report.Failure is { } failure)
        {
            writer.WriteStartObject("failure");
            writer.WriteNumber("step", failure.StepNumber);
            writer.WriteString("code", failure.ErrorCode);
            writer.WriteString("message", failure.Message);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("failure");
        }

        writer.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter writer, PlanStep step)
    {
        writer.WriteStartObject();
        writer.WriteString("phase", step.Phase.ToString().ToLowerInvariant());
        writer.WriteString("vpc", step.VpcId);
        writer.WriteString("description", step.Describe());
        switch (step)
        {
            case CreateGroupStep create:
                writer.WriteString("group", create.GroupName);
                writer.WriteString("policy", create.Policy);
                break;
            case DeleteGroupStep delete:
                writer.WriteString("group", delete.GroupName);
                writer.WriteString("groupId", delete.GroupId);
                break;
            case RuleChangeStep change:
                writer.WriteString("group", change.GroupName);
                writer.WriteString("direction", change.Direction == Direction.Ingress ? "ingress" : "egress");
                writer.WriteStartArray("rules");
                foreach (var rule in change.Rules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("protocol", rule.Protocol);
                    writer.WriteNumber("fromPort", rule.FromPort);
                    writer.WriteNumber("toPort", rule.ToPort);
                    writer.WriteString("peer", rule.Peer.ToString());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case InterfaceGroupsStep attach:
                writer.WriteString("instance", attach.InstanceId);
                writer.WriteString("interface", attach.NetworkInterfaceId);
                writer.WriteStrings("groups", attach.Changed);
                writer.WriteStrings("replacing", attach.Replaced);
                break;
        }

        writer.WriteEndObject();
    }
}
