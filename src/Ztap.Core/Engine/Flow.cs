using System.Net;
using Ztap.Core.Policy;

namespace Ztap.Core.Engine;

/// <summary>A connection attempt to decide: from an address to an address, protocol and destination port (0 for ICMP).</summary>
public readonly record struct Flow(IPAddress Source, IPAddress Destination, Protocol Protocol, int Port)
{
    public override string ToString() => Protocol == Protocol.Icmp
        ? $"{Source} -> {Destination} ICMP"
        : $"{Source} -> {Destination} {ProtocolNames.Format(Protocol)}/{Port}";
}
