namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// One netlink message of a datagram the reader received, read in place: a logged packet (its
/// prefix, the copied bytes from the IP header on, the kernel's timestamp and sequence number when
/// present), or the acknowledgement of a request (its sequence and errno, 0 for success).
/// </summary>
internal readonly ref struct NflogMessage
{
    public ushort Type { get; init; }

    public uint RequestSequence { get; init; }

    /// <summary>For an acknowledgement: the errno the request failed with, 0 when it succeeded.</summary>
    public int Error { get; init; }

    public ReadOnlySpan<byte> Prefix { get; init; }

    public ReadOnlySpan<byte> Payload { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public uint? Sequence { get; init; }

    public bool IsPacket => Type == NflogWire.PacketMessage;

    public bool IsAck => Type == NflogWire.NlmsgError;
}
