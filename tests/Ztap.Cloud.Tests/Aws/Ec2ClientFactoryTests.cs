using Ztap.Cloud.Aws;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.Tests.FakeEc2;

namespace Ztap.Cloud.Tests.Aws;

public sealed class Ec2ClientFactoryTests
{
    [Fact]
    public void The_region_comes_from_the_option_before_AWS_REGION_and_AWS_DEFAULT_REGION()
    {
        var environment = WithKeys(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "us-east-1"));

        Assert.Equal("ap-south-1", Ec2ClientFactory.Create(new AwsSettings(Region: "ap-south-1"), environment).Region);
        Assert.Equal("eu-west-1", Ec2ClientFactory.Create(new AwsSettings(), environment).Region);
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_read_even_though_the_SDK_ignores_it()
    {
        var connection = Ec2ClientFactory.Create(new AwsSettings(), WithKeys(("AWS_DEFAULT_REGION", "us-east-2")));

        Assert.Null(connection.Error);
        Assert.Equal("us-east-2", connection.Region);
    }

    [Fact]
    public void No_region_anywhere_is_one_line_saying_how_to_give_one()
    {
        var connection = Ec2ClientFactory.Create(new AwsSettings(Profile: "nobody"), Environment(("HOME", Path.GetTempPath())));

        Assert.Null(connection.Client);
        Assert.StartsWith("no AWS region: pass --region", connection.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', connection.Error!);
    }

    [Fact]
    public void A_profile_without_credentials_is_one_line_naming_it()
    {
        var connection = Ec2ClientFactory.Create(new AwsSettings(Region: "eu-west-1", Profile: "ztap-test-missing"), Environment());

        Assert.StartsWith("no AWS credentials in profile 'ztap-test-missing'", connection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWS_ENDPOINT_URL_EC2_points_the_client_at_another_endpoint()
    {
        await using var server = new FakeEc2Server(new FakeEc2Api());
        server.Ec2.State.AddVpc("vpc-1");
        server.Ec2.State.AddInstance("i-1", "vpc-1", "10.0.0.5");
        var environment = WithKeys(
            ("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9/unused"), ("AWS_ENDPOINT_URL_EC2", server.Url));

        var connection = Ec2ClientFactory.Create(new AwsSettings(), environment);
        var result = await new Ec2Discovery(connection.Client!, DiscoveryOptions.Default, connection.Region).DiscoverAsync(CancellationToken.None);

        Assert.Equal("i-1", Assert.Single(result.Instances).InstanceId);
    }

    // Credentials always come from the environment here: the SDK's default chain would end at the
    // instance metadata service, which a test must never call.
    private static AwsEnvironment WithKeys(params (string Name, string Value)[] variables) =>
        Environment([.. variables, ("AWS_ACCESS_KEY_ID", "AKIAFAKE"), ("AWS_SECRET_ACCESS_KEY", "secret")]);

    private static AwsEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        return new AwsEnvironment(name => values.GetValueOrDefault(name));
    }
}
