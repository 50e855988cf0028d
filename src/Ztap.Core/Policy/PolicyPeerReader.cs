using Ztap.Core.Labels;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads one <c>from</c> or <c>to</c> entry: a pod selector, a namespace selector, both, or an
/// ipBlock on its own, as Kubernetes allows.
/// </summary>
internal static class PolicyPeerReader
{
    private static readonly string[] Fields = ["podSelector", "namespaceSelector", "ipBlock"];

    public static PolicyPeer? Read(YamlNode node, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var errors = context.ErrorCount;
        LabelSelector? pods = null;
        LabelSelector? namespaces = null;
        IpBlock? ipBlock = null;
        var hasIpBlock = false;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "podSelector":
                    pods = ReadSelector(entry.Value, entryPath, context);
                    break;
                case "namespaceSelector":
                    namespaces = ReadSelector(entry.Value, entryPath, context);
                    break;
                case "ipBlock":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } block)
                    {
                        hasIpBlock = true;
                        ipBlock = IpBlockReader.Read(block, entryPath, dialect, context);
                    }

                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        if (hasIpBlock && (pods is not null || namespaces is not null))
        {
            context.Error(mapping, path, "ipBlock cannot be combined with podSelector or namespaceSelector in one peer; list them as separate peers");
        }
        else if (!hasIpBlock && pods is null && namespaces is null && errors == context.ErrorCount)
        {
            context.Error(mapping, path, "a peer needs podSelector, namespaceSelector or ipBlock; to allow every peer, leave out from/to");
        }

        return errors == context.ErrorCount ? SharedValues.Of(context).Share(new PolicyPeer(pods, namespaces, ipBlock)) : null;
    }

    private static LabelSelector? ReadSelector(YamlNode node, FieldPath path, YamlReadContext context) =>
        context.OptionalMapping(node, path) is { } mapping ? LabelSelectorReader.Read(mapping, path, context) : null;
}
