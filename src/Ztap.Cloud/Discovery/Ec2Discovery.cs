using System.Collections.Immutable;
using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Ztap.Core.Diagnostics;

namespace Ztap.Cloud.Discovery;

/// <summary>
/// Finds the running and pending EC2 instances of a region (the seed's <c>DiscoverResources</c>):
/// every page of <c>DescribeInstances</c>, each instance with its labels, private IPv4 and IPv6
/// addresses on every interface, its VPC and the groups on its interfaces.
/// </summary>
public sealed class Ec2Discovery(IAmazonEC2 client, DiscoveryOptions options, string region)
{
    // The largest page EC2 serves; fewer calls mean less throttling.
    private const int PageSize = 1000;

    /// <summary>Where diagnostics about instances say they come from: <c>aws:eu-west-1</c>.</summary>
    public string Description => $"aws:{region}";

    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var instances = ImmutableArray.CreateBuilder<Ec2Instance>();
        var request = new DescribeInstancesRequest
        {
            Filters = [new Filter("instance-state-name", ["running", "pending"])],
            MaxResults = PageSize,
        };
        do
        {
            var response = await client.DescribeInstancesAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var instance in (response.Reservations ?? []).SelectMany(r => r.Instances ?? []))
            {
                instances.Add(Read(instance, diagnostics));
            }

            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));

        return new DiscoveryResult([.. instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal)], diagnostics.ToImmutableSorted());
    }

    private Ec2Instance Read(Instance instance, DiagnosticBag diagnostics)
    {
        var origin = new SourceLocation(Description, 0, 0);
        var tags = TagLabels.Read(instance.InstanceId, instance.Tags ?? [], options, origin, diagnostics);
        var interfaces = instance.NetworkInterfaces ?? [];
        var addresses = interfaces
            .SelectMany(i => (i.PrivateIpAddresses ?? []).Select(p => p.PrivateIpAddress)
                .Concat((i.Ipv6Addresses ?? []).Select(a => a.Ipv6Address)))
            .Append(instance.PrivateIpAddress)
            .OfType<string>()
            .Select(IPAddress.Parse)
            .Distinct()
            .ToImmutableArray();
        return new Ec2Instance(
            instance.InstanceId,
            instance.VpcId ?? "",
            instance.State?.Name?.Value ?? "",
            tags.Namespace,
            tags.Labels,
            addresses,
            tags.NamedPorts,
            [.. interfaces.Select(i => new InstanceInterface(i.NetworkInterfaceId, [.. (i.Groups ?? []).Select(g => g.GroupId)]))],
            interfaces.Any(i => i.Ipv4Prefixes is { Count: > 0 } || i.Ipv6Prefixes is { Count: > 0 }));
    }
}
