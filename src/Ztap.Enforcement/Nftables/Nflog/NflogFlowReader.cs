using System.Threading.Channels;
using Ztap.Core.Compiler;
using Ztap.Core.Flows;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// Reads the denied packets the nftables table sends to its NFLOG group as <see cref="FlowRecord"/>s.
/// It binds the group on a netfilter netlink socket in the backend's network namespace, asks for the
/// first <see cref="CopyRange"/> bytes of each packet, and a dedicated thread receives, parses and
/// queues them. A bounded queue drops rather than grows; the kernel's sequence numbers make losses
/// on the socket countable too, and the table's counters stay exact either way.
/// </summary>
public sealed class NflogFlowReader : IFlowReader
{
    /// <summary>Enough for an IPv6 header with a few extension headers and the transport ports.</summary>
    public const int CopyRange = 128;

    private const int QueueCapacity = 65536;
    private const int FlushCentiseconds = 10;
    private const int ReceiveBufferBytes = 256 * 1024;
    private const int AckPatience = 50;

    private readonly NetlinkSocket _socket;
    private readonly DeniedPacketTranslator _translator;
    private readonly Channel<FlowRecord> _queue = Channel.CreateBounded<FlowRecord>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    private readonly byte[] _buffer = new byte[ReceiveBufferBytes];
    private readonly Thread _receiver;
    private volatile bool _stopping;
    private uint _nextSequence;
    private long _dropped;

    /// <summary>Binds <paramref name="log"/>'s group in the namespace <paramref name="location"/> filters; names policies from <paramref name="set"/>.</summary>
    public NflogFlowReader(NftablesLocation location, PolicySet set, DeniedPacketLog log)
    {
        _translator = new DeniedPacketTranslator(set);
        _socket = NetlinkSocket.Open(location.NetworkNamespace);
        try
        {
            Request(NflogRequest.Bind(log.Group, 1), $"binding NFLOG group {log.Group}");
            Request(NflogRequest.Settings(log.Group, 2, CopyRange, FlushCentiseconds), $"configuring NFLOG group {log.Group}");
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _receiver = new Thread(Receive) { IsBackground = true, Name = "ztap nflog" };
        _receiver.Start();
    }

    /// <summary>Denials lost on the socket (gaps in the kernel's sequence) or in this reader's queue.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public IAsyncEnumerable<FlowRecord> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);

    public void Dispose()
    {
        _stopping = true;
        _receiver.Join();

        // Closing the socket unbinds the group: the kernel drops the instances of a released port.
        _socket.Dispose();
        _queue.Writer.TryComplete();
    }

    private void Receive()
    {
        while (!_stopping)
        {
            var received = _socket.Receive(_buffer);
            if (received >= 0)
            {
                Handle(_buffer.AsSpan(0, received), out _);
            }
            else if (-received is not (NetlinkLibC.Eagain or NetlinkLibC.Eintr or NetlinkLibC.Enobufs))
            {
                // ENOBUFS means the kernel dropped messages for a full socket: the sequence gap counts them.
                _queue.Writer.TryComplete(new EnforcementException(EnforcementFailure.KernelError, $"receiving from NFLOG: {NetlinkLibC.Describe(-received)}"));
                return;
            }
        }
    }

    /// <summary>Sends a configuration request and waits for its acknowledgement, queueing any packets that arrive first.</summary>
    private void Request(byte[] message, string doing)
    {
        var sequence = BitConverter.ToUInt32(message, 8);
        _socket.Send(message);
        for (var attempt = 0; attempt < AckPatience; attempt++)
        {
            var received = _socket.Receive(_buffer);
            if (received < 0)
            {
                continue;
            }

            Handle(_buffer.AsSpan(0, received), out var ack);
            if (ack is { } answer && answer.Sequence == sequence)
            {
                if (answer.Error != 0)
                {
                    var busy = answer.Error is 1 or 16 ? " (another process, such as a running ztap agent, reads this group)" : "";
                    throw new EnforcementException(EnforcementFailure.KernelError, $"{doing}{busy}: {NetlinkLibC.Describe(answer.Error)}");
                }

                return;
            }
        }

        throw new EnforcementException(EnforcementFailure.KernelError, $"{doing}: the kernel did not answer");
    }

    private void Handle(ReadOnlySpan<byte> datagram, out (uint Sequence, int Error)? ack)
    {
        ack = null;
        var now = DateTimeOffset.UtcNow;
        foreach (var message in new NflogDatagram(datagram))
        {
            if (message.IsAck)
            {
                ack = (message.RequestSequence, message.Error);
                continue;
            }

            if (message.Sequence is { } sequence)
            {
                var gap = unchecked((int)(sequence - _nextSequence));
                if (gap > 0)
                {
                    Interlocked.Add(ref _dropped, gap);
                }

                _nextSequence = sequence + 1;
            }

            if (_translator.Translate(message, now) is { } record)
            {
                if (_queue.Reader.Count >= QueueCapacity)
                {
                    Interlocked.Increment(ref _dropped);
                }

                _queue.Writer.TryWrite(record);
            }
        }
    }
}
