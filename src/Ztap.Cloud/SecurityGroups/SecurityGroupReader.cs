using System.Collections.Immutable;
using Amazon.EC2;
using Amazon.EC2.Model;
using Ztap.Core.Policy;

namespace Ztap.Cloud.SecurityGroups;

/// <summary>
/// Reads Security Groups from EC2: the ones ztap owns, found by their managed tag, and the names
/// already taken by groups it does not own, which it must not try to create again.
/// </summary>
internal sealed class SecurityGroupReader(IAmazonEC2 client)
{
    private const int PageSize = 1000;

    // EC2 accepts at most 200 values in one filter.
    private const int FilterValuesPerCall = 200;

    public async Task<ImmutableArray<ManagedGroup>> ReadManagedAsync(CancellationToken cancellationToken)
    {
        var groups = await DescribeAsync([new Filter($"tag:{ManagedGroupTags.Managed}", [ManagedGroupTags.ManagedValue])], cancellationToken).ConfigureAwait(false);
        var nameOfId = groups.ToDictionary(g => g.GroupId, g => g.GroupName, StringComparer.Ordinal);
        return [.. groups.Select(group => new ManagedGroup(
            group.GroupId,
            group.GroupName,
            group.VpcId,
            group.Tags?.FirstOrDefault(t => t.Key == ManagedGroupTags.Policy)?.Value ?? "",
            [.. IpPermissionMapping.ToRules(Direction.Ingress, group.IpPermissions, nameOfId)
                .Concat(IpPermissionMapping.ToRules(Direction.Egress, group.IpPermissionsEgress, nameOfId))]))];
    }

    /// <summary>The (VPC, name) pairs among <paramref name="names"/> held by groups without ztap's managed tag.</summary>
    public async Task<ImmutableArray<(string VpcId, string Name)>> FindForeignAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(FilterValuesPerCall))
        {
            var groups = await DescribeAsync([new Filter("group-name", [.. chunk])], cancellationToken).ConfigureAwait(false);
            found.AddRange(groups
                .Where(g => g.Tags?.Any(t => t.Key == ManagedGroupTags.Managed && t.Value == ManagedGroupTags.ManagedValue) != true)
                .Select(g => (g.VpcId, g.GroupName)));
        }

        return found.ToImmutable();
    }

    private async Task<List<SecurityGroup>> DescribeAsync(List<Filter> filters, CancellationToken cancellationToken)
    {
        var groups = new List<SecurityGroup>();
        var request = new DescribeSecurityGroupsRequest { Filters = filters, MaxResults = PageSize };
        do
        {
            var response = await client.DescribeSecurityGroupsAsync(request, cancellationToken).ConfigureAwait(false);
            groups.AddRange(response.SecurityGroups ?? []);
            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));

        return groups;
    }
}
