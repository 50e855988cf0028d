using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// An allow entry of a <see cref="Ztap.Core.Compiler.PolicySet"/> without the rule that allowed it:
/// a peer identity or an ipBlock (neither for any peer), a protocol (null for all) and a port range.
/// </summary>
internal readonly record struct PeerEntry(uint? Peer, IpBlock? Block, Protocol? Protocol, int FromPort, int ToPort)
{
    public bool AnyPeer => Peer is null && Block is null;

    public override string ToString() =>
        $"{(Protocol is { } p ? ProtocolNames.Format(p) : "all protocols")} ports {FromPort}-{ToPort} with "
        + (Block is { } block ? $"ipBlock {block}" : Peer is { } peer ? $"identity {peer}" : "any peer");
}
