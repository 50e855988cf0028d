namespace Ztap.Cloud.Aws;

/// <summary>
/// What the command line says about AWS: every value optional, falling back to the environment and
/// the shared config files exactly as the AWS CLI does.
/// </summary>
/// <param name="Region">From <c>--region</c>; beats every other source.</param>
/// <param name="Profile">From <c>--profile</c>; otherwise <c>AWS_PROFILE</c>, otherwise <c>default</c>.</param>
public sealed record AwsSettings(string? Region = null, string? Profile = null);
