namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// The numbers of the netlink and nfnetlink_log wire format (linux/netlink.h, linux/netfilter/nfnetlink.h,
/// nfnetlink_log.h). Netlink headers are in host order; nfnetlink payloads are big-endian.
/// </summary>
internal static class NflogWire
{
    public const int MessageHeaderLength = 16;
    public const int GenericHeaderLength = 4;
    public const int AttributeHeaderLength = 4;

    public const ushort NlmsgError = 2;
    public const ushort NlmsgDone = 3;
    public const ushort FlagRequest = 0x1;
    public const ushort FlagAck = 0x4;

    // (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET or NFULNL_MSG_CONFIG.
    public const ushort PacketMessage = (4 << 8) | 0;
    public const ushort ConfigMessage = (4 << 8) | 1;

    public const ushort AttributeTypeMask = 0x3fff;

    public const ushort PacketHeader = 1;
    public const ushort Timestamp = 3;
    public const ushort Payload = 9;
    public const ushort Prefix = 10;
    public const ushort Sequence = 12;

    public const ushort ConfigCommand = 1;
    public const ushort ConfigMode = 2;
    public const ushort ConfigTimeout = 4;
    public const ushort ConfigFlags = 6;

    public const byte CommandBind = 1;
    public const byte CopyPacket = 2;
    public const ushort FlagSequence = 0x1;

    public static int Align(int length) => (length + 3) & ~3;
}
