using Ztap.Core.Policy;

namespace Ztap.Core.Inventory;

/// <summary>A port a workload serves under a name, which policies may refer to instead of the number.</summary>
public sealed record NamedPort(string Name, int Port, Protocol Protocol);
