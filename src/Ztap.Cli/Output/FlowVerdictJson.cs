using System.Text.Json;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary>
/// One decided flow as a JSON object, identical for <c>ztap check</c> and each element of
/// <c>ztap check --flows</c>. The shape is documented in docs/cli.md; fields are only ever added.
/// </summary>
internal static class FlowVerdictJson
{
    public static void Write(Utf8JsonWriter writer, FlowVerdict verdict)
    {
        var request = verdict.Flow.Request;
        writer.WriteStartObject();
        writer.WriteString("src", request.Source);
        writer.WriteString("dst", request.Destination);
        if (request.Port is { } port)
        {
            writer.WriteNumber("port", port);
        }
        else
        {
            writer.WriteNull("port");
        }

        writer.WriteString("protocol", ProtocolNames.Format(request.Protocol));
        writer.WriteString("verdict", verdict.VerdictText);
        WriteEndpoint(writer, "src", verdict.Flow.Source);
        WriteEndpoint(writer, "dst", verdict.Flow.Destination);
        WriteSide(writer, "egress", verdict.Explanation.Egress);
        WriteSide(writer, "ingress", verdict.Explanation.Ingress);
        writer.WriteEndObject();
    }

    private static void WriteEndpoint(Utf8JsonWriter writer, string prefix, FlowEndpoint endpoint)
    {
        writer.WriteString($"{prefix}_address", endpoint.Address.ToString());
        writer.WriteString($"{prefix}_workload", endpoint.Workload?.QualifiedName);
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, SideDecision side)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("isolated", side.Isolated);
        writer.WriteBoolean("allowed", side.Allowed);
        writer.WriteStartArray("policies");
        foreach (var policy in side.IsolatingPolicies)
        {
            writer.WriteStringValue(policy.QualifiedName);
        }

        writer.WriteEndArray();
        if (side.AllowingRule is { } rule)
        {
            writer.WriteString("allowed_by", rule.ToString());
            WriteRule(writer, rule);
        }
        else
        {
            writer.WriteNull("allowed_by");
            writer.WriteNull("rule");
        }

        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, RuleReference reference)
    {
        var rule = RuleText.Rule(reference);
        writer.WriteStartObject("rule");
        writer.WriteString("policy", reference.Policy.QualifiedName);
        writer.WriteString("path", reference.FieldPath);
        writer.WriteStrings("peers", RuleText.Peers(rule));
        writer.WriteStrings("ports", RuleText.Ports(rule));
        writer.WriteEndObject();
    }
}
