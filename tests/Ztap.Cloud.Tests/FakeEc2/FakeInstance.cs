namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>An instance held by the fake, with its tags and its network interfaces.</summary>
internal sealed class FakeInstance(string id, string vpcId, string state)
{
    public string Id { get; } = id;

    public string VpcId { get; } = vpcId;

    public string State { get; set; } = state;

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public List<FakeInterface> Interfaces { get; } = [];
}
