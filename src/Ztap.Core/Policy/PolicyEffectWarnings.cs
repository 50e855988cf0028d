using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Warns where a valid policy probably does not do what its author meant: rules that policyTypes
/// switches off, a Kubernetes <c>egress: []</c> that denies nothing, a section left null, or a
/// ztap/v1 policy that isolates nothing.
/// </summary>
internal sealed class PolicyEffectWarnings(YamlMapping spec, FieldPath path, PolicyDialect dialect, YamlReadContext context)
{
    public void Check(PolicyTypes? declared, PolicyTypes types, YamlNode? ingress, int ingressRules, YamlNode? egress, int egressRules)
    {
        CheckSection(declared, ingress, ingressRules, "ingress", PolicyTypes.Ingress);
        CheckSection(declared, egress, egressRules, "egress", PolicyTypes.Egress);
        if (dialect == PolicyDialect.Kubernetes && declared is null && egress is YamlSequence && egressRules == 0)
        {
            context.Warning(egress, path.Field("egress"),
                "'egress: []' does not isolate egress in networking.k8s.io/v1; add 'policyTypes: [Ingress, Egress]' to deny all egress");
        }

        if (types == PolicyTypes.None)
        {
            context.Warning(spec, path,
                "the policy isolates nothing: it has neither ingress nor egress, so it has no effect");
        }
    }

    private void CheckSection(PolicyTypes? declared, YamlNode? node, int rules, string section, PolicyTypes type)
    {
        if (node is null)
        {
            return;
        }

        if (rules > 0 && declared is { } types && (types & type) == 0)
        {
            context.Warning(node, path.Field(section),
                $"these {section} rules have no effect: policyTypes does not include {type}");
        }

        // In ztap/v1 a present section isolates its direction, so a null one is easy to misread.
        if (dialect == PolicyDialect.ZtapV1 && declared is null && YamlReadContext.IsAbsent(node))
        {
            context.Warning(node, path.Field(section),
                $"'{section}:' without a value counts as absent; write '{section}: []' to deny all {section}");
        }
    }
}
