namespace Ztap.Cloud.Discovery;

/// <summary>How instance tags become a workload's namespace and labels.</summary>
/// <param name="TagPrefix">
/// Stripped from tag keys that carry it (<c>ztap:app</c> becomes label <c>app</c>), so teams can keep
/// ztap's labels apart from their other tags; a prefixed tag wins over an unprefixed one of the same key.
/// </param>
/// <param name="DefaultNamespace">The namespace of instances without a namespace tag.</param>
public sealed record DiscoveryOptions(string TagPrefix = "ztap:", string DefaultNamespace = "default")
{
    public static DiscoveryOptions Default { get; } = new();

    /// <summary>The tag that names an instance's namespace: <c>ztap:namespace</c> by default.</summary>
    public string NamespaceTag => TagPrefix + "namespace";

    /// <summary>The tag that lists an instance's named ports: <c>ztap:ports</c> by default.</summary>
    public string PortsTag => TagPrefix + "ports";
}
