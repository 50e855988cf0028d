using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Reads one YAML document into a <see cref="NetworkPolicy"/> of either dialect, reporting every problem.</summary>
internal static class PolicyDocumentReader
{
    private static readonly string[] KubernetesFields = ["apiVersion", "kind", "metadata", "spec", "status"];
    private static readonly string[] ZtapFields = ["apiVersion", "kind", "metadata", "spec"];

    public static PolicyDocument Read(YamlNode root, YamlReadContext context)
    {
        context.Subject = null;
        var path = FieldPath.Root;
        if (context.Mapping(root, path) is not { } mapping)
        {
            return new PolicyDocument(null, root.Location(context.File), null);
        }

        var (subject, nameNode) = PeekName(mapping);
        context.Subject = subject;
        var errors = context.ErrorCount;
        if (PolicyApiVersion.Resolve(mapping, context) is not { } dialect)
        {
            // Not a policy, so its name cannot clash with a policy's.
            return new PolicyDocument(null, mapping.Location(context.File), null);
        }

        var document = new PolicyDocument(subject, (nameNode ?? mapping).Location(context.File), null);

        PolicyMetadata? metadata = null;
        PolicySpec? spec = null;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "apiVersion" or "kind":
                    break;
                case "metadata":
                    metadata = context.OptionalMapping(entry.Value, entryPath) is { } metadataNode
                        ? PolicyMetadataReader.Read(metadataNode, entryPath, dialect, context)
                        : null;
                    break;
                case "spec":
                    spec = context.OptionalMapping(entry.Value, entryPath) is { } specNode
                        ? PolicySpecReader.Read(specNode, entryPath, dialect, context)
                        : null;
                    break;
                case "status" when dialect == PolicyDialect.Kubernetes:
                    // Written by the API server and meaningless to ztap, but present in exported objects.
                    context.OptionalMapping(entry.Value, entryPath);
                    break;
                default:
                    context.UnknownField(entry, path, dialect == PolicyDialect.Kubernetes ? KubernetesFields : ZtapFields);
                    break;
            }
        }

        context.Require(mapping, "metadata", path);
        context.Require(mapping, "spec", path);
        if (errors != context.ErrorCount || metadata is not { Name: { } name } meta || spec is not { } s)
        {
            return document;
        }

        var policy = new NetworkPolicy(
            name, meta.Namespace, dialect, s.PodSelector, s.PolicyTypes, s.Ingress, s.Egress, mapping.Location(context.File));
        return document with { Policy = policy };
    }

    /// <summary>
    /// The policy's <c>namespace/name</c> and its name node, read ahead of validation so that every
    /// diagnostic of the document, even one before metadata, can say which policy it is about.
    /// </summary>
    private static (string? Subject, YamlNode? NameNode) PeekName(YamlMapping root)
    {
        if (root.Find("metadata") is not YamlMapping metadata
            || metadata.Find("name") is not YamlScalar { Type: YamlScalarType.String } name)
        {
            return (null, null);
        }

        var @namespace = metadata.Find("namespace") is YamlScalar { Type: YamlScalarType.String } ns
            ? ns.Value
            : PolicyMetadata.DefaultNamespace;
        return ($"{@namespace}/{name.Value}", name);
    }
}
