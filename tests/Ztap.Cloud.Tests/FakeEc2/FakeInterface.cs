using System.Net;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>A network interface of a fake instance: its addresses and the groups on it.</summary>
internal sealed class FakeInterface(string id, string vpcId, IReadOnlyList<IPAddress> addresses)
{
    public string Id { get; } = id;

    public string VpcId { get; } = vpcId;

    public IReadOnlyList<IPAddress> Addresses { get; } = addresses;

    public List<string> GroupIds { get; } = [];

    public bool HasDelegatedPrefix { get; init; }
}
