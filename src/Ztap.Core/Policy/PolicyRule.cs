using System.Collections.Immutable;

namespace Ztap.Core.Policy;

/// <summary>
/// One entry of <c>ingress</c> or <c>egress</c>: traffic with any of the peers on any of the ports
/// is allowed. No peers means every peer; no ports means every port of every protocol.
/// </summary>
public sealed record PolicyRule(ImmutableArray<PolicyPeer> Peers, ImmutableArray<PolicyPort> Ports);
