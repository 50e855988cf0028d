using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Reads <c>policyTypes</c>: a list of Ingress and Egress, each at most once.</summary>
internal static class PolicyTypesReader
{
    private static readonly string[] Names = ["Ingress", "Egress"];

    /// <summary>The declared types; null when absent or empty, which leaves them to <see cref="PolicyTypesDefaulting"/>.</summary>
    public static PolicyTypes? Read(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { Items.Count: > 0 } sequence)
        {
            return null;
        }

        var types = PolicyTypes.None;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = path.Index(i);
            var type = context.OptionalString(item, itemPath) switch
            {
                "Ingress" => PolicyTypes.Ingress,
                "Egress" => PolicyTypes.Egress,
                null when YamlReadContext.IsAbsent(item) => Unknown(item, itemPath, "null", context),
                null => PolicyTypes.None,
                var other => Unknown(item, itemPath, other, context),
            };

            if ((types & type) != 0)
            {
                context.Error(item, itemPath, $"policyTypes lists {type} twice");
            }

            types |= type;
        }

        return types;
    }

    private static PolicyTypes Unknown(YamlNode node, FieldPath path, string text, YamlReadContext context)
    {
        var suggestion = FieldNameSuggestion.Closest(text, Names);
        var hint = suggestion is null ? "expected Ingress or Egress" : $"did you mean '{suggestion}'?";
        context.Error(node, path, $"unknown policy type '{text}'; {hint}");
        return PolicyTypes.None;
    }
}
