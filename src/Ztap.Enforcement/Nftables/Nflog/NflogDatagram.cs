using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// The messages in one datagram from the netfilter netlink socket, enumerated without copying. A
/// message whose lengths do not fit the datagram ends the enumeration: the kernel never sends one,
/// and guessing past it would only read garbage.
/// </summary>
internal readonly ref struct NflogDatagram(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public Enumerator GetEnumerator() => new(_data);

    public ref struct Enumerator(ReadOnlySpan<byte> data)
    {
        private const long MaxUnixSeconds = 253_402_300_799;

        private ReadOnlySpan<byte> _rest = data;

        public NflogMessage Current { get; private set; }

        public bool MoveNext()
        {
            while (_rest.Length >= NflogWire.MessageHeaderLength)
            {
                var length = MemoryMarshal.Read<uint>(_rest);
                if (length < NflogWire.MessageHeaderLength || length > _rest.Length)
                {
                    _rest = default;
                    return false;
                }

                var message = _rest[..(int)length];
                _rest = _rest[Math.Min(NflogWire.Align((int)length), _rest.Length)..];
                var type = MemoryMarshal.Read<ushort>(message[4..]);
                var sequence = MemoryMarshal.Read<uint>(message[8..]);
                var body = message[NflogWire.MessageHeaderLength..];
                if (type == NflogWire.NlmsgError && body.Length >= 4)
                {
                    Current = new NflogMessage { Type = type, RequestSequence = sequence, Error = -MemoryMarshal.Read<int>(body) };
                    return true;
                }

                if (type == NflogWire.PacketMessage && body.Length >= NflogWire.GenericHeaderLength)
                {
                    Current = Packet(type, sequence, body[NflogWire.GenericHeaderLength..]);
                    return true;
                }
            }

            return false;
        }

        private static NflogMessage Packet(ushort type, uint requestSequence, ReadOnlySpan<byte> attributes)
        {
            ReadOnlySpan<byte> prefix = default, payload = default;
            DateTimeOffset? timestamp = null;
            uint? sequence = null;
            while (attributes.Length >= NflogWire.AttributeHeaderLength)
            {
                var length = MemoryMarshal.Read<ushort>(attributes);
                if (length < NflogWire.AttributeHeaderLength || length > attributes.Length)
                {
                    break;
                }

                var value = attributes[NflogWire.AttributeHeaderLength..length];
                switch (MemoryMarshal.Read<ushort>(attributes[2..]) & NflogWire.AttributeTypeMask)
                {
                    case NflogWire.Prefix:
                        var end = value.IndexOf((byte)0);
                        prefix = end < 0 ? value : value[..end];
                        break;
                    case NflogWire.Payload:
                        payload = value;
                        break;
                    case NflogWire.Timestamp when value.Length >= 16:
                        // struct nfulnl_msg_packet_timestamp: __be64 seconds, __be64 microseconds.
                        var seconds = BinaryPrimitives.ReadInt64BigEndian(value);
                        var microseconds = BinaryPrimitives.ReadInt64BigEndian(value[8..]);
                        if (seconds is > 0 and < MaxUnixSeconds && microseconds is >= 0 and < 1_000_000)
                        {
                            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(microseconds * 10);
                        }

                        break;
                    case NflogWire.Sequence when value.Length >= 4:
                        sequence = BinaryPrimitives.ReadUInt32BigEndian(value);
                        break;
                }

                attributes = attributes[Math.Min(NflogWire.Align(length), attributes.Length)..];
            }

            return new NflogMessage { Type = type, RequestSequence = requestSequence, Prefix = prefix, Payload = payload, Timestamp = timestamp, Sequence = sequence };
        }
    }
}
