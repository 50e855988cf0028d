using System.Net.Sockets;
using System.Runtime.InteropServices;
using Ztap.Enforcement.Nftables.Nflog;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>
/// Opens a socket inside a scene's network namespace from the test process: a short-lived thread
/// enters the namespace and creates the socket, which stays in that namespace. For sending many
/// packets fast, where starting the probe once per packet would be too slow.
/// </summary>
internal static class NamespaceSocket
{
    public static Socket Create(string networkNamespace, AddressFamily family, SocketType type, ProtocolType protocol)
    {
        Socket? socket = null;
        Exception? failure = null;
        var creator = new Thread(() =>
        {
            try
            {
                var ns = NetlinkLibC.Open(networkNamespace, NetlinkLibC.ORdOnly | NetlinkLibC.OCloExec);
                var entered = ns >= 0 && NetlinkLibC.SetNetworkNamespace(ns, NetlinkLibC.CloneNewNet) == 0;
                var errno = Marshal.GetLastPInvokeError();
                NetlinkLibC.Close(ns);
                socket = entered ? new Socket(family, type, protocol) : throw new InvalidOperationException($"entering {networkNamespace}: {NetlinkLibC.Describe(errno)}");
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        creator.Start();
        creator.Join();
        return socket ?? throw new InvalidOperationException($"creating a socket in {networkNamespace}", failure);
    }
}
