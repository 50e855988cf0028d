using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>Reads one entry of <c>namespaces</c>: a name and the labels namespace selectors match.</summary>
internal static class NamespaceEntryReader
{
    private static readonly string[] Fields = ["name", "labels"];

    public static WorkloadNamespace? Read(YamlMapping mapping, FieldPath path, YamlReadContext context)
    {
        var errors = context.ErrorCount;
        string? name = null;
        var labels = LabelSet.Empty;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "name":
                    name = context.OptionalString(entry.Value, entryPath);
                    if (name is not null && !Dns1123.IsLabel(name))
                    {
                        context.Error(entry.Value, entryPath, $"invalid namespace '{name}': {Dns1123.LabelRule}");
                    }

                    break;
                case "labels":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } labelMap)
                    {
                        labels = LabelMapReader.ReadLabels(labelMap, entryPath, context);
                    }

                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        context.Require(mapping, "name", path);
        if (name is not null && labels.TryGetValue(WorkloadNamespace.NameLabel, out var named) && named != name)
        {
            var labelPath = path.Field("labels").Field(WorkloadNamespace.NameLabel);
            context.Error(mapping, labelPath, $"{WorkloadNamespace.NameLabel} is always the namespace's own name, '{name}'");
        }

        return errors == context.ErrorCount && name is not null ? WorkloadNamespace.Create(name, labels) : null;
    }
}
