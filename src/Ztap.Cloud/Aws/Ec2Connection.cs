using Amazon.EC2;

namespace Ztap.Cloud.Aws;

/// <summary>An EC2 client ready to use, or the one line that says why none could be made.</summary>
public sealed record Ec2Connection(IAmazonEC2? Client, string Region, string? Error)
{
    public static Ec2Connection Failed(string error) => new(null, "", error);
}
