using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Decides a document's dialect from its <c>apiVersion</c> and <c>kind</c>.</summary>
internal static class PolicyApiVersion
{
    public const string Kubernetes = "networking.k8s.io/v1";
    public const string ZtapV1 = "ztap/v1";
    public const string Kind = "NetworkPolicy";

    private const string Supported = "supported: networking.k8s.io/v1, ztap/v1";

    /// <summary>The dialect, or null after reporting a missing or unsupported apiVersion or kind.</summary>
    public static PolicyDialect? Resolve(YamlMapping root, YamlReadContext context)
    {
        var path = FieldPath.Root;
        PolicyDialect? dialect = null;
        if (context.Require(root, "apiVersion", path, $"; {Supported}"))
        {
            var node = root.Find("apiVersion")!;
            dialect = context.OptionalString(node, path.Field("apiVersion")) switch
            {
                Kubernetes => PolicyDialect.Kubernetes,
                ZtapV1 => PolicyDialect.ZtapV1,
                null => null,
                var other => Unsupported(node, path.Field("apiVersion"), $"unsupported apiVersion '{other}'; {Supported}", context),
            };
        }

        if (!context.Require(root, "kind", path, $": {Kind}"))
        {
            return null;
        }

        var kindNode = root.Find("kind")!;
        return context.OptionalString(kindNode, path.Field("kind")) switch
        {
            Kind => dialect,
            null => null,
            var other => Unsupported(kindNode, path.Field("kind"), $"unsupported kind '{other}'; ztap reads {Kind}", context),
        };
    }

    private static PolicyDialect? Unsupported(YamlNode node, FieldPath path, string message, YamlReadContext context)
    {
        context.Error(node, path, message);
        return null;
    }
}
