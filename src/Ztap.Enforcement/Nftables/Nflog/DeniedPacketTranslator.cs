using System.Text;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// Turns a logged packet into a <see cref="FlowRecord"/>: the prefix says the direction, whether
/// the denial was enforced and the denying policy's index, which the applied set names; the
/// addresses name the workloads. Packets without a ztap prefix are someone else's and give nothing.
/// </summary>
internal sealed class DeniedPacketTranslator(PolicySet set)
{
    // A host logs a handful of distinct prefixes, so the last one decoded is nearly always the next.
    private byte[] _lastPrefix = [];
    private NflogPrefix? _lastParsed;

    public FlowRecord? Translate(in NflogMessage message, DateTimeOffset received)
    {
        var prefix = Prefix(message.Prefix);
        if (prefix is null || PacketHeaders.Parse(message.Payload) is not { } headers)
        {
            return null;
        }

        var policy = prefix.IsOf(set.Version) && prefix.Policy < set.Policies.Length ? set.Policies[prefix.Policy].QualifiedName : null;
        return new FlowRecord(
            message.Timestamp ?? received,
            headers.Source,
            headers.SourcePort,
            headers.Destination,
            headers.DestinationPort,
            (Protocol)headers.Protocol,
            headers.Length,
            prefix.Direction,
            Verdict.Deny,
            prefix.Enforced,
            policy,
            set.Inventory.FindByAddress(headers.Source)?.QualifiedName,
            set.Inventory.FindByAddress(headers.Destination)?.QualifiedName);
    }

    private NflogPrefix? Prefix(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.SequenceEqual(_lastPrefix))
        {
            _lastPrefix = bytes.ToArray();
            _lastParsed = NflogPrefix.Parse(Encoding.UTF8.GetString(bytes));
        }

        return _lastParsed;
    }
}
