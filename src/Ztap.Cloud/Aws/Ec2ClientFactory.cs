using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Ztap.Cloud.Aws;

/// <summary>
/// Makes the EC2 client from the standard AWS configuration: region as the AWS CLI finds it, the
/// endpoint overrides <c>AWS_ENDPOINT_URL_EC2</c> and <c>AWS_ENDPOINT_URL</c>, credentials from the
/// environment, a named profile or the SDK's default chain, and retries that ride out throttling.
/// </summary>
public static class Ec2ClientFactory
{
    /// <summary>
    /// Attempts per call when neither <c>AWS_MAX_ATTEMPTS</c> nor the profile's <c>max_attempts</c> says: a sync makes
    /// hundreds of calls in a burst, and EC2 throttles bursts, so the SDK's default of 3 is too few.
    /// </summary>
    private const int DefaultMaxAttempts = 8;

    public static Ec2Connection Create(AwsSettings settings, AwsEnvironment environment)
    {
        var profiles = new CredentialProfileStoreChain();
        var region = AwsRegionResolver.Resolve(settings, environment, profiles);
        if (region is null)
        {
            return Ec2Connection.Failed("no AWS region: pass --region, or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile");
        }

        var config = new AmazonEC2Config();
        profiles.TryGetProfile(AwsRegionResolver.ProfileName(settings, environment), out var profile);
        if (environment.Get("AWS_RETRY_MODE") is null && profile?.RetryMode is null)
        {
            // Standard mode backs off exponentially with jitter on RequestLimitExceeded and Throttling.
            config.RetryMode = RequestRetryMode.Standard;
        }

        if (environment.Get("AWS_MAX_ATTEMPTS") is null && profile?.MaxAttempts is null)
        {
            config.MaxErrorRetry = DefaultMaxAttempts - 1;
        }

        if (EndpointOverride(environment) is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var credentials = Credentials(settings, environment, profiles, config, out var error);
        return credentials is null
            ? Ec2Connection.Failed(error!, region)
            : new Ec2Connection(new AmazonEC2Client(credentials, config), region, null);
    }

    private static string? EndpointOverride(AwsEnvironment environment)
    {
        if (string.Equals(environment.Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return environment.Get("AWS_ENDPOINT_URL_EC2") ?? environment.Get("AWS_ENDPOINT_URL");
    }

    private static AWSCredentials? Credentials(
        AwsSettings settings, AwsEnvironment environment, CredentialProfileStoreChain profiles, AmazonEC2Config config, out string? error)
    {
        error = null;
        if (settings.Profile is not null)
        {
            if (profiles.TryGetAWSCredentials(settings.Profile, out var fromProfile))
            {
                return fromProfile;
            }

            error = $"no AWS credentials in profile '{settings.Profile}' (looked in {profiles.ProfilesLocation ?? "~/.aws/credentials and ~/.aws/config"})";
            return null;
        }

        if (environment.Get("AWS_ACCESS_KEY_ID") is { } keyId && environment.Get("AWS_SECRET_ACCESS_KEY") is { } secret)
        {
            return environment.Get("AWS_SESSION_TOKEN") is { } token
                ? new SessionAWSCredentials(keyId, secret, token)
                : new BasicAWSCredentials(keyId, secret);
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(config);
        }
        catch (AmazonClientException)
        {
            error = "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, name a profile (--profile, AWS_PROFILE), or run with an instance role";
            return null;
        }
    }
}
