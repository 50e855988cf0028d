using Amazon.Runtime.CredentialManagement;

namespace Ztap.Cloud.Aws;

/// <summary>
/// Finds the region the way the AWS CLI does: <c>--region</c>, then <c>AWS_REGION</c>, then
/// <c>AWS_DEFAULT_REGION</c> (which the .NET SDK alone ignores), then the profile's <c>region</c>.
/// The instance metadata service is deliberately not asked: a lookup there can hang for seconds
/// off EC2, and a sync against a region nobody named is not something to guess.
/// </summary>
internal static class AwsRegionResolver
{
    public static string? Resolve(AwsSettings settings, AwsEnvironment environment, ICredentialProfileSource profiles)
    {
        var explicitRegion = settings.Region ?? environment.Get("AWS_REGION") ?? environment.Get("AWS_DEFAULT_REGION");
        if (explicitRegion is not null)
        {
            return explicitRegion;
        }

        var profileName = ProfileName(settings, environment);
        return profiles.TryGetProfile(profileName, out var profile) ? profile.Region?.SystemName : null;
    }

    public static string ProfileName(AwsSettings settings, AwsEnvironment environment) =>
        settings.Profile ?? environment.Get("AWS_PROFILE") ?? "default";
}
