using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// A bound netfilter netlink socket in a given network namespace. A socket belongs to the namespace
/// its creating thread was in, so a short-lived thread enters the namespace, creates it and ends:
/// no thread that runs anything else ever changes namespace, and the socket stays where it was made.
/// </summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    private const int ReceiveBufferBytes = 4 << 20;
    private const int ReceiveTimeoutMs = 100;

    private int _fd;

    private NetlinkSocket(int fd) => _fd = fd;

    /// <summary>Opens the socket in <paramref name="networkNamespace"/> (a file such as /run/netns/NAME), or in ztap's own when null.</summary>
    public static NetlinkSocket Open(string? networkNamespace)
    {
        var (fd, failure) = (-1, (string?)null);
        var creator = new Thread(() => (fd, failure) = Create(networkNamespace)) { Name = "ztap netlink socket" };
        creator.Start();
        creator.Join();
        if (failure is not null)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, failure);
        }

        var socket = new NetlinkSocket(fd);
        try
        {
            socket.Configure();
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Send(ReadOnlySpan<byte> message)
    {
        fixed (byte* data = message)
        {
            if (NetlinkLibC.Send(_fd, data, (nuint)message.Length, 0) < 0)
            {
                throw new EnforcementException(EnforcementFailure.KernelError, $"sending to the netfilter netlink socket: {NetlinkLibC.Describe(Marshal.GetLastPInvokeError())}");
            }
        }
    }

    /// <summary>Receives one datagram: its length, or the negative errno (EAGAIN after the receive timeout, ENOBUFS when the kernel had to drop).</summary>
    public int Receive(Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            var received = NetlinkLibC.Receive(_fd, data, (nuint)buffer.Length, 0);
            return received < 0 ? -Marshal.GetLastPInvokeError() : (int)received;
        }
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            NetlinkLibC.Close(_fd);
            _fd = -1;
        }
    }

    private static (int Fd, string? Failure) Create(string? networkNamespace)
    {
        if (networkNamespace is not null)
        {
            var ns = NetlinkLibC.Open(networkNamespace, NetlinkLibC.ORdOnly | NetlinkLibC.OCloExec);
            if (ns < 0)
            {
                return (-1, $"opening network namespace {networkNamespace}: {NetlinkLibC.Describe(Marshal.GetLastPInvokeError())}");
            }

            var entered = NetlinkLibC.SetNetworkNamespace(ns, NetlinkLibC.CloneNewNet);
            var errno = Marshal.GetLastPInvokeError();
            NetlinkLibC.Close(ns);
            if (entered < 0)
            {
                return (-1, $"entering network namespace {networkNamespace}: {NetlinkLibC.Describe(errno)}");
            }
        }

        var fd = NetlinkLibC.Socket(NetlinkLibC.AfNetlink, NetlinkLibC.SockRaw | NetlinkLibC.SockCloExec, NetlinkLibC.NetlinkNetfilter);
        return fd < 0 ? (-1, $"creating a netfilter netlink socket: {NetlinkLibC.Describe(Marshal.GetLastPInvokeError())}") : (fd, null);
    }

    private void Configure()
    {
        // struct sockaddr_nl: family, padding, port id 0 (the kernel assigns one), no multicast groups.
        Span<byte> address = stackalloc byte[12];
        address.Clear();
        address[0] = NetlinkLibC.AfNetlink;
        fixed (byte* data = address)
        {
            Check(NetlinkLibC.Bind(_fd, data, (uint)address.Length), "binding the netfilter netlink socket");
        }

        // A burst of logged packets arrives faster than one thread drains it; a deep buffer rides it
        // out, and what still overflows shows as a gap in the sequence numbers.
        var bytes = ReceiveBufferBytes;
        Check(NetlinkLibC.SetSocketOption(_fd, NetlinkLibC.SolSocket, NetlinkLibC.SoRcvBufForce, &bytes, sizeof(int)), "sizing the netlink receive buffer");
        var timeout = stackalloc long[2] { 0, ReceiveTimeoutMs * 1000 };
        Check(NetlinkLibC.SetSocketOption(_fd, NetlinkLibC.SolSocket, NetlinkLibC.SoRcvTimeo, timeout, 2 * sizeof(long)), "setting the netlink receive timeout");
    }

    private static void Check(int result, string doing)
    {
        if (result < 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"{doing}: {NetlinkLibC.Describe(Marshal.GetLastPInvokeError())}");
        }
    }
}
