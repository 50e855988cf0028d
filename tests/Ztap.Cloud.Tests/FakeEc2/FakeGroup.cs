namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>A Security Group held by the fake: identity, tags and the two rule sets.</summary>
internal sealed class FakeGroup(string id, string name, string vpcId, string description)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string VpcId { get; } = vpcId;

    public string Description { get; } = description;

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public HashSet<FakeRule> Ingress { get; } = [];

    public HashSet<FakeRule> Egress { get; } = [];

    public HashSet<FakeRule> Rules(bool ingress) => ingress ? Ingress : Egress;
}
