using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

/// <summary>
/// bpf/ztap_decide.h restated over a <see cref="DatapathImage"/>, with longest-prefix matches done
/// by brute force: what the kernel would decide given the entries ztap writes.
/// </summary>
internal sealed class DatapathModel(DatapathImage image)
{
    public Verdict Decide(Flow flow)
    {
        if (flow.Source.Equals(flow.Destination))
        {
            return Verdict.Allow;
        }

        var source = IdentityOf(flow.Source);
        var destination = IdentityOf(flow.Destination);
        return SideAllows(source, Direction.Egress, destination, flow.Destination, flow) && SideAllows(destination, Direction.Ingress, source, flow.Source, flow)
            ? Verdict.Allow
            : Verdict.Deny;
    }

    public uint IdentityOf(IPAddress address)
    {
        var best = (Length: -1, Identity: Identity.WorldNumber);
        for (var i = 0; i < image.Ipcache.Count; i++)
        {
            var prefix = image.Ipcache.Keys[i].ToNetwork();
            if (prefix.BaseAddress.AddressFamily == address.AddressFamily && prefix.Contains(address) && prefix.PrefixLength > best.Length)
            {
                best = (prefix.PrefixLength, image.Ipcache.Values[i]);
            }
        }

        return best.Identity;
    }

    /// <summary>
    /// The rule the side's entries name for the flow, as <c>consider</c> keeps it: the first by
    /// policy rank, then by index in the policy. Null when the side is not isolated or nothing allows the flow.
    /// </summary>
    public PolicyValue? AllowingRule(Flow flow, Direction direction)
    {
        var (subject, peer, peerAddress) = direction == Direction.Egress
            ? (IdentityOf(flow.Source), IdentityOf(flow.Destination), flow.Destination)
            : (IdentityOf(flow.Destination), IdentityOf(flow.Source), flow.Source);
        var isolation = Array.FindIndex(image.Isolated.Keys.ToArray(), k => k.Identity == subject && k.Direction == (uint)direction);
        return isolation < 0 ? null : Allowing(subject, direction, peer, peerAddress, flow, image.Isolated.Values[isolation].Flags);
    }

    private bool SideAllows(uint subject, Direction direction, uint peer, IPAddress peerAddress, Flow flow)
    {
        var isolation = Array.FindIndex(image.Isolated.Keys.ToArray(), k => k.Identity == subject && k.Direction == (uint)direction);
        return isolation < 0 || Allowing(subject, direction, peer, peerAddress, flow, image.Isolated.Values[isolation].Flags) is not null;
    }

    private PolicyValue? Allowing(uint subject, Direction direction, uint peer, IPAddress peerAddress, Flow flow, uint flags)
    {
        var peers = new List<uint>();
        if ((flags & Isolation.Peers) != 0)
        {
            peers.Add(peer);
        }

        if ((flags & Isolation.AnyPeer) != 0)
        {
            peers.Add(DatapathLimits.AnyPeer);
        }

        if ((flags & Isolation.Blocks) != 0 && BlockPeer(subject, direction, peerAddress) is { } block and not DatapathLimits.None)
        {
            peers.Add(block);
        }

        var protocol = (byte)flow.Protocol;
        return image.Policy.Entries
            .Where(e =>
                e.Key.Subject == subject
                && e.Key.Direction == (byte)direction
                && peers.Contains(e.Key.Peer)
                && (e.Key.Protocol == protocol || e.Key.Protocol == DatapathLimits.AnyProtocol)
                && new PortBlock(e.Key.Port, (int)e.Key.PrefixLength - PolicyKey.FixedBits) is var block
                && block.First <= flow.Port && flow.Port <= block.Last)
            .Select(e => (PolicyValue?)e.Value)
            .Min();
    }

    private uint? BlockPeer(uint subject, Direction direction, IPAddress address)
    {
        var best = (Length: -1, Peer: (uint?)null);
        for (var i = 0; i < image.Blocks.Count; i++)
        {
            var key = image.Blocks.Keys[i];
            var prefix = key.ToNetwork();
            if (key.Subject == subject && key.Direction == (byte)direction && prefix.BaseAddress.AddressFamily == address.AddressFamily
                && prefix.Contains(address) && prefix.PrefixLength > best.Length)
            {
                best = (prefix.PrefixLength, image.Blocks.Values[i]);
            }
        }

        return best.Peer;
    }
}
