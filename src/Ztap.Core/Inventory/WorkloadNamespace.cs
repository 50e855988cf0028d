using Ztap.Core.Labels;

namespace Ztap.Core.Inventory;

/// <summary>A namespace and its labels, which namespace selectors match.</summary>
public sealed record WorkloadNamespace(string Name, LabelSet Labels)
{
    /// <summary>The label every namespace carries, as in Kubernetes, so policies can select one by name.</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    /// <summary>A namespace with the given labels plus its name label.</summary>
    public static WorkloadNamespace Create(string name, LabelSet labels) => new(name, labels.With(NameLabel, name));
}
