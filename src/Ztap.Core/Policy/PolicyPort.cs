namespace Ztap.Core.Policy;

/// <summary>
/// One entry of <c>ports</c>: a protocol and either no port (all ports), a number with an optional
/// <see cref="EndPort"/>, or a name resolved on the destination workload.
/// </summary>
public sealed record PolicyPort(Protocol Protocol, int? Port, string? PortName, int? EndPort)
{
    public override string ToString()
    {
        var protocol = ProtocolNames.Format(Protocol);
        if (PortName is not null)
        {
            return $"{protocol}/{PortName}";
        }

        if (Port is null)
        {
            return protocol;
        }

        return EndPort is null ? $"{protocol}/{Port}" : $"{protocol}/{Port}-{EndPort}";
    }
}
