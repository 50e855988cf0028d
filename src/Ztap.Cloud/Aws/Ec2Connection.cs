using Amazon.EC2;

namespace Ztap.Cloud.Aws;

/// <summary>An EC2 client ready to use, or the one line that says why none could be made.</summary>
public sealed record Ec2Connection(IAmazonEC2? Client, string Region, string? Error)
{
    /// <summary>Whether a region was found: without one, AWS is not configured here at all.</summary>
    public bool HasRegion => Region.Length > 0;

    public static Ec2Connection Failed(string error, string region = "") => new(null, region, error);
}
