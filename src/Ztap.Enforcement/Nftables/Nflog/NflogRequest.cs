using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// The configuration messages a reader sends for its group: bind to it, then copy the first bytes
/// of each packet (enough for the IP and transport headers), number the messages so a gap shows
/// what the kernel dropped, and flush a batch after a short timeout rather than waiting for it to fill.
/// </summary>
internal static class NflogRequest
{
    /// <summary>NFULNL_CFG_CMD_BIND for <paramref name="group"/>.</summary>
    public static byte[] Bind(ushort group, uint sequence)
    {
        var message = Start(group, sequence, NflogWire.AttributeHeaderLength + 4);
        var at = Attribute(message, NflogWire.MessageHeaderLength + NflogWire.GenericHeaderLength, NflogWire.ConfigCommand, 1);
        message[at] = NflogWire.CommandBind;
        return message;
    }

    /// <summary>Copy mode and range, sequence numbers, and the flush timeout in hundredths of a second.</summary>
    public static byte[] Settings(ushort group, uint sequence, int copyRange, int flushCentiseconds)
    {
        var message = Start(group, sequence, 3 * NflogWire.AttributeHeaderLength + 8 + 4 + 4);
        var at = NflogWire.MessageHeaderLength + NflogWire.GenericHeaderLength;

        // struct nfulnl_msg_config_mode: __be32 copy_range, __u8 copy_mode, __u8 pad.
        var mode = Attribute(message, at, NflogWire.ConfigMode, 6);
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(mode), copyRange);
        message[mode + 4] = NflogWire.CopyPacket;
        at = mode + 8;

        var flags = Attribute(message, at, NflogWire.ConfigFlags, 2);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(flags), NflogWire.FlagSequence);
        at = flags + 4;

        var timeout = Attribute(message, at, NflogWire.ConfigTimeout, 4);
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(timeout), flushCentiseconds);
        return message;
    }

    private static byte[] Start(ushort group, uint sequence, int attributesLength)
    {
        var message = new byte[NflogWire.MessageHeaderLength + NflogWire.GenericHeaderLength + attributesLength];
        var span = message.AsSpan();
        MemoryMarshal.Write(span, (uint)message.Length);
        MemoryMarshal.Write(span[4..], NflogWire.ConfigMessage);
        MemoryMarshal.Write(span[6..], (ushort)(NflogWire.FlagRequest | NflogWire.FlagAck));
        MemoryMarshal.Write(span[8..], sequence);

        // struct nfgenmsg: family AF_UNSPEC, version NFNETLINK_V0, the group as the big-endian resource id.
        BinaryPrimitives.WriteUInt16BigEndian(span[(NflogWire.MessageHeaderLength + 2)..], group);
        return message;
    }

    /// <summary>Writes an attribute header at <paramref name="at"/> and returns where its value starts.</summary>
    private static int Attribute(byte[] message, int at, ushort type, int valueLength)
    {
        MemoryMarshal.Write(message.AsSpan(at), (ushort)(NflogWire.AttributeHeaderLength + valueLength));
        MemoryMarshal.Write(message.AsSpan(at + 2), type);
        return at + NflogWire.AttributeHeaderLength;
    }
}
