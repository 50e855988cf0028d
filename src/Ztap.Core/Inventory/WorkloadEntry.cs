using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>A workload as read, with the nodes its name and addresses came from, to point at when they clash with another.</summary>
internal readonly record struct WorkloadEntry(Workload Workload, YamlNode NameNode, IReadOnlyList<YamlNode> AddressNodes, FieldPath Path);
