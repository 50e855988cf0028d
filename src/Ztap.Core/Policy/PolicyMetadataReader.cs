using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads a policy's <c>metadata</c>: name, namespace, and labels and annotations, which are
/// checked but otherwise ignored.
/// </summary>
internal static class PolicyMetadataReader
{
    private static readonly string[] Fields = ["name", "namespace", "labels", "annotations"];

    // The API server writes these; accepting them lets `kubectl get -o yaml` output be read as it is.
    private static readonly string[] ServerFields =
    [
        "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "ownerReferences", "finalizers", "selfLink",
    ];

    public static PolicyMetadata Read(YamlMapping metadata, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        string? name = null;
        var @namespace = PolicyMetadata.DefaultNamespace;
        foreach (var entry in metadata.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "name":
                    name = ReadName(entry.Value, entryPath, context);
                    break;
                case "namespace":
                    @namespace = ReadNamespace(entry.Value, entryPath, context) ?? @namespace;
                    break;
                case "labels":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } labels)
                    {
                        LabelMapReader.ReadLabels(labels, entryPath, context);
                    }

                    break;
                case "annotations":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } annotations)
                    {
                        LabelMapReader.CheckAnnotations(annotations, entryPath, context);
                    }

                    break;
                default:
                    if (dialect != PolicyDialect.Kubernetes || Array.IndexOf(ServerFields, entry.Key) < 0)
                    {
                        context.UnknownField(entry, path, Fields);
                    }

                    break;
            }
        }

        context.Require(metadata, "name", path);
        return new PolicyMetadata(name, @namespace);
    }

    private static string? ReadName(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var name = context.OptionalString(node, path);
        if (name is null || Dns1123.IsSubdomain(name))
        {
            return name;
        }

        context.Error(node, path, $"invalid policy name '{name}': {Dns1123.SubdomainRule}");
        return null;
    }

    private static string? ReadNamespace(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var @namespace = context.OptionalString(node, path);
        if (@namespace is null || Dns1123.IsLabel(@namespace))
        {
            return @namespace;
        }

        context.Error(node, path, $"invalid namespace '{@namespace}': {Dns1123.LabelRule}");
        return null;
    }
}
