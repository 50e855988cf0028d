using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary>
/// Short sentences about one side of a flow: who isolates it, and which rule allowed it or that
/// none did. Shared by the table renderers so both verbs explain a side in the same words.
/// </summary>
internal static class SideText
{
    private const string SelfTraffic = "traffic of a workload to itself is never blocked";

    public static string DirectionName(Direction direction) => direction == Direction.Ingress ? "ingress" : "egress";

    /// <summary>The workload a side belongs to: the source for egress, the destination for ingress.</summary>
    public static string Subject(FlowEndpoint endpoint) =>
        endpoint.Workload?.QualifiedName ?? $"{endpoint.Address} (outside the inventory)";

    /// <summary>One cell for a table of many flows: the allowing rule, "not isolated" or the policies that deny.</summary>
    public static string Cell(SideDecision side)
    {
        if (!side.Isolated)
        {
            return "not isolated";
        }

        if (side.AllowingRule is { } rule)
        {
            return rule.ToString();
        }

        return side.Allowed
            ? "to itself"
            : $"denied by {string.Join(", ", side.IsolatingPolicies.Select(p => p.QualifiedName))}";
    }

    /// <summary>The sentences for one side in the single-flow explanation.</summary>
    public static IEnumerable<string> Sentences(SideDecision side, FlowEndpoint subject)
    {
        var direction = DirectionName(side.Direction);
        if (!side.Isolated)
        {
            yield return $"no policy isolates {direction} of {Subject(subject)}";
            yield break;
        }

        yield return $"{Subject(subject)} is isolated by {string.Join(", ", side.IsolatingPolicies.Select(p => p.QualifiedName))}";
        if (side.AllowingRule is { } rule)
        {
            yield return $"allowed by {rule}: {RuleText.Describe(rule)}";
        }
        else
        {
            // An isolated side allowed without a rule is a workload talking to itself.
            yield return side.Allowed
                ? SelfTraffic
                : $"no {direction} rule of {(side.IsolatingPolicies.Length == 1 ? "this policy" : "these policies")} allows the flow";
        }
    }
}
