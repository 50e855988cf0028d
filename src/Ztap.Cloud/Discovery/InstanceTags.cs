using System.Collections.Immutable;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Cloud.Discovery;

/// <summary>What an instance's tags say about it as a workload.</summary>
internal sealed record InstanceTags(string Namespace, LabelSet Labels, ImmutableArray<NamedPort> NamedPorts);
