namespace Ztap.Cloud.Aws;

/// <summary>
/// The environment variables AWS configuration is read from, behind a lookup so that tests can give
/// their own without touching the process environment other tests share.
/// </summary>
public sealed class AwsEnvironment(Func<string, string?> lookup)
{
    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The variable's value, or null when it is unset or empty (as the AWS CLI treats empty).</summary>
    public string? Get(string name) => lookup(name) is { Length: > 0 } value ? value : null;
}
