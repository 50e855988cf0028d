using System.Collections.Immutable;
using Ztap.Core.Addressing;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// What one isolated subject may exchange in one direction and address family, as disjoint
/// elements of the three lookups its chain makes: address . protocol . port for TCP, UDP and SCTP;
/// address for ICMP; address for any other protocol.
/// </summary>
internal sealed record FamilyVerdicts(
    bool IsV4,
    ImmutableArray<(Protocol Protocol, AllowElement Element)> Ports,
    ImmutableArray<AllowElement> Icmp,
    ImmutableArray<AllowElement> Other)
{
    public static readonly Protocol[] PortProtocols = [Protocol.Tcp, Protocol.Udp, Protocol.Sctp];

    public static FamilyVerdicts Build(SubjectRules rules, bool isV4, AddressSegments segments, IReadOnlyDictionary<RuleReference, int> ruleIndex)
    {
        var raw = new List<(Protocol? Protocol, AllowElement Element)>();
        foreach (var entry in rules.Entries)
        {
            var ranges = entry.Peer is { } peer ? segments.Of(peer, isV4) : [AddressRange.Everything(isV4)];
            foreach (var range in ranges)
            {
                raw.Add((entry.Protocol, new AllowElement(range.First, range.Last, entry.FromPort, entry.ToPort, ruleIndex[entry.Rule])));
            }
        }

        foreach (var block in rules.Blocks.Where(b => AddressKey.IsV4(b.Block.Cidr.BaseAddress) == isV4))
        {
            foreach (var range in Ranges(block.Block))
            {
                raw.Add((block.Protocol, new AllowElement(range.First, range.Last, block.FromPort, block.ToPort, ruleIndex[block.Rule])));
            }
        }

        var ports = PortProtocols.SelectMany(protocol => AllowPartition
            .Of([.. raw.Where(r => r.Protocol is null || r.Protocol == protocol).Select(r => r.Element)], isV4)
            .Select(element => (protocol, element)));

        // ICMP has no ports: the engine decides it as port 0.
        var icmp = AllowPartition.Of([.. raw.Where(r => r.Protocol is null or Protocol.Icmp && r.Element.FromPort == 0).Select(r => Portless(r.Element))], isV4);
        var other = AllowPartition.Of([.. raw.Where(r => r.Protocol is null).Select(r => Portless(r.Element))], isV4);
        return new FamilyVerdicts(isV4, [.. ports], [.. icmp], [.. other]);
    }

    private static AllowElement Portless(AllowElement element) => element with { FromPort = 0, ToPort = 0 };

    /// <summary>The block's cidr minus its excepts, as disjoint ranges.</summary>
    private static List<(UInt128 First, UInt128 Last)> Ranges(IpBlock block)
    {
        var (first, last) = AddressKey.Range(block.Cidr);
        var ranges = new List<(UInt128 First, UInt128 Last)>();
        UInt128? cursor = first;
        foreach (var (exceptFirst, exceptLast) in block.Except.Select(AddressKey.Range).OrderBy(r => r.First))
        {
            if (cursor is { } start && start < exceptFirst)
            {
                ranges.Add((start, exceptFirst - 1));
            }

            if (cursor is { } next && exceptLast >= next)
            {
                cursor = exceptLast == last ? null : exceptLast + 1;
            }
        }

        if (cursor is { } tail && tail <= last)
        {
            ranges.Add((tail, last));
        }

        return ranges;
    }
}
