using System.Globalization;
using System.Net;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>Everything the fake EC2 holds: VPCs, instances and groups, plus the quotas it enforces.</summary>
internal sealed class FakeEc2State
{
    private int _nextId = 1;

    public HashSet<string> Vpcs { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakeInstance> Instances { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakeGroup> Groups { get; } = new(StringComparer.Ordinal);

    public int RulesPerGroupLimit { get; set; } = 60;

    public int GroupsPerInterfaceLimit { get; set; } = 5;

    /// <summary>The most items one page holds, whatever MaxResults asks; small values force pagination.</summary>
    public int PageSizeCap { get; set; } = 1000;

    public IEnumerable<FakeInterface> Interfaces => Instances.Values.SelectMany(i => i.Interfaces);

    /// <summary>
    /// Adds a VPC with two groups ztap does not own: <c>default</c>, which as in EC2 admits its own
    /// members and allows all egress, and <c>base</c>, an admin group allowing SSH from the office
    /// and no egress, which test instances carry so that only ztap's groups decide their traffic.
    /// </summary>
    public void AddVpc(string vpcId)
    {
        Vpcs.Add(vpcId);
        var defaultGroup = new FakeGroup(NewId("sg"), "default", vpcId, "default VPC security group");
        defaultGroup.Ingress.Add(new FakeRule("-1", -1, -1, null, defaultGroup.Id));
        defaultGroup.Egress.Add(new FakeRule("-1", -1, -1, IPNetwork.Parse("0.0.0.0/0"), null));
        Groups.Add(defaultGroup.Id, defaultGroup);
        var baseGroup = new FakeGroup(NewId("sg"), "base", vpcId, "admin access");
        baseGroup.Ingress.Add(new FakeRule("tcp", 22, 22, IPNetwork.Parse("192.168.0.0/16"), null));
        Groups.Add(baseGroup.Id, baseGroup);
    }

    /// <summary>The group of a VPC with this name.</summary>
    public FakeGroup GroupNamed(string vpcId, string name) => Groups.Values.Single(g => g.VpcId == vpcId && g.Name == name);

    /// <summary>Adds an instance with one interface carrying the VPC's <c>base</c> group.</summary>
    public FakeInstance AddInstance(string instanceId, string vpcId, string addresses, IReadOnlyDictionary<string, string>? tags = null, string state = "running")
    {
        var instance = new FakeInstance(instanceId, vpcId, state);
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            instance.Tags[key] = value;
        }

        var networkInterface = new FakeInterface(NewId("eni"), vpcId, [.. addresses.Split(',').Select(IPAddress.Parse)]);
        networkInterface.GroupIds.Add(GroupNamed(vpcId, "base").Id);
        instance.Interfaces.Add(networkInterface);
        Instances.Add(instanceId, instance);
        return instance;
    }

    public string NewId(string prefix) => $"{prefix}-{_nextId++.ToString("x8", CultureInfo.InvariantCulture)}";

    public FakeGroup Group(string groupId) =>
        Groups.TryGetValue(groupId, out var group) ? group : throw Ec2Fault.GroupNotFound(groupId);

    /// <summary>One page of <paramref name="items"/> as EC2 pages: MaxResults between 5 and 1000, an opaque NextToken.</summary>
    public (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, Ec2Request request)
    {
        var maxResults = request.Int("MaxResults");
        if (maxResults is < 5 or > 1000)
        {
            throw Ec2Fault.InvalidParameter($"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }

        var start = 0;
        if (request.Get("NextToken") is { } token
            && (!token.StartsWith("page-", StringComparison.Ordinal)
                || !int.TryParse(token.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out start)
                || start > items.Count))
        {
            throw Ec2Fault.InvalidParameter($"Invalid value '{token}' for nextToken");
        }

        var size = Math.Min(maxResults ?? int.MaxValue, PageSizeCap);
        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count;
        return (page, next < items.Count ? $"page-{next}" : null);
    }

    /// <summary>Whether the tags match a <c>tag:KEY</c> or <c>tag-key</c> filter; other filters are the caller's.</summary>
    public static bool? MatchesTagFilter(string name, List<string> values, IReadOnlyDictionary<string, string> tags)
    {
        if (name.StartsWith("tag:", StringComparison.Ordinal))
        {
            return tags.TryGetValue(name[4..], out var value) && values.Contains(value);
        }

        return name == "tag-key" ? values.Any(tags.ContainsKey) : null;
    }
}
