namespace Ztap.Cloud.Sync;

/// <summary>
/// Which ztap group: one per policy and VPC, because a Security Group lives in one VPC and a
/// policy may select instances in several.
/// </summary>
public readonly record struct GroupKey(string VpcId, string Policy)
{
    public override string ToString() => $"{Policy} in {VpcId}";
}
