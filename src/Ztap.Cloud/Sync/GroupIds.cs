namespace Ztap.Cloud.Sync;

/// <summary>
/// The ids of ztap's groups by VPC and name while a plan is applied: the existing ones are known
/// when planning, the new ones once they are created, and later steps refer to them by name.
/// </summary>
internal sealed class GroupIds
{
    private readonly Dictionary<(string VpcId, string Name), string> _ids = [];

    public void Add(string vpcId, string name, string groupId) => _ids[(vpcId, name)] = groupId;

    public string Of(string vpcId, string name) =>
        _ids.TryGetValue((vpcId, name), out var id)
            ? id
            : throw new InvalidOperationException($"group {name} in {vpcId} has no id: the plan refers to it before creating it");
}
