using System.Net;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>An EC2 error response: the code and message EC2 would send, with its HTTP status.</summary>
internal sealed class Ec2Fault(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest) : Exception(message)
{
    public string Code { get; } = code;

    public HttpStatusCode Status { get; } = status;

    public static Ec2Fault InvalidParameter(string message) => new("InvalidParameterValue", message);

    public static Ec2Fault GroupNotFound(string groupId) => new("InvalidGroup.NotFound", $"The security group '{groupId}' does not exist");
}
