using System.Collections.Immutable;
using Ztap.Core.Labels;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Reads a policy's <c>spec</c>: the selected workloads, policyTypes, and the ingress and egress rules.</summary>
internal static class PolicySpecReader
{
    private static readonly string[] Fields = ["podSelector", "policyTypes", "ingress", "egress"];

    public static PolicySpec Read(YamlMapping spec, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        var podSelector = LabelSelector.Everything;
        PolicyTypes? declared = null;
        var ingress = ImmutableArray<PolicyRule>.Empty;
        var egress = ImmutableArray<PolicyRule>.Empty;
        foreach (var entry in spec.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "podSelector":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } selector)
                    {
                        podSelector = LabelSelectorReader.Read(selector, entryPath, context);
                    }

                    break;
                case "policyTypes":
                    declared = PolicyTypesReader.Read(entry.Value, entryPath, context);
                    break;
                case "ingress":
                    ingress = ReadRules(entry.Value, entryPath, Direction.Ingress, dialect, context);
                    break;
                case "egress":
                    egress = ReadRules(entry.Value, entryPath, Direction.Egress, dialect, context);
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        if (dialect == PolicyDialect.Kubernetes)
        {
            context.Require(spec, "podSelector", path, "; write 'podSelector: {}' to select every workload in the namespace");
        }

        var ingressNode = spec.Find("ingress");
        var egressNode = spec.Find("egress");
        var types = PolicyTypesDefaulting.Resolve(
            dialect, declared, !YamlReadContext.IsAbsent(ingressNode), !YamlReadContext.IsAbsent(egressNode), egress.Length);
        var effect = new PolicyEffectWarnings(spec, path, dialect, context);
        effect.Check(declared, types, ingressNode, ingress.Length, egressNode, egress.Length);
        return new PolicySpec(podSelector, types, ingress, egress);
    }

    private static ImmutableArray<PolicyRule> ReadRules(
        YamlNode node, FieldPath path, Direction direction, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var rules = ImmutableArray.CreateBuilder<PolicyRule>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (PolicyRuleReader.Read(sequence.Items[i], path.Index(i), direction, dialect, context) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.DrainToImmutable();
    }
}
