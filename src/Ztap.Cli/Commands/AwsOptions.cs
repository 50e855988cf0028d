using System.CommandLine;
using Ztap.Cloud.Aws;
using Ztap.Cloud.Discovery;

namespace Ztap.Cli.Commands;

/// <summary>
/// The options every <c>ztap cloud</c> verb shares: where AWS is (<c>--region</c>, <c>--profile</c>)
/// and how instance tags are read (<c>--tag-prefix</c>). Everything else comes from the standard
/// AWS environment variables and files, as for the AWS CLI.
/// </summary>
internal sealed class AwsOptions
{
    public Option<string> Region { get; } = new("--region")
    {
        Description = "AWS region; otherwise AWS_REGION, AWS_DEFAULT_REGION or the profile's region.",
        HelpName = "REGION",
    };

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "Named profile from ~/.aws/config and ~/.aws/credentials; otherwise AWS_PROFILE or the default chain.",
        HelpName = "NAME",
    };

    public Option<string> TagPrefix { get; } = new("--tag-prefix")
    {
        Description = "Prefix stripped from instance tag keys to make label keys.",
        HelpName = "PREFIX",
        DefaultValueFactory = _ => DiscoveryOptions.Default.TagPrefix,
    };

    public IEnumerable<Option> All => [Region, Profile, TagPrefix];

    public AwsSettings Settings(ParseResult parseResult) => new(parseResult.GetValue(Region), parseResult.GetValue(Profile));

    public DiscoveryOptions Discovery(ParseResult parseResult) => DiscoveryOptions.Default with { TagPrefix = parseResult.GetValue(TagPrefix) ?? "" };
}
