using System.Net.Sockets;
using System.Xml.Linq;
using static Ztap.Cloud.Tests.FakeEc2.Ec2Xml;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>The instance and interface actions of the fake: DescribeInstances and ModifyNetworkInterfaceAttribute.</summary>
internal sealed class InstanceActions(FakeEc2State state)
{
    public XElement DescribeInstances(Ec2Request request)
    {
        var filters = request.Filters();
        var matching = state.Instances.Values.Where(i => filters.All(f => Matches(i, f.Name, f.Values))).ToList();
        var (page, next) = state.Page(matching, request);
        return Response("DescribeInstances",
            Set("reservationSet", page.Select(i => new object[]
            {
                E("reservationId", "r-" + i.Id[2..]),
                E("ownerId", "123456789012"),
                Set("instancesSet", [Instance(i)]),
            })),
            next is null ? null : E("nextToken", next));
    }

    public XElement ModifyNetworkInterfaceAttribute(Ec2Request request)
    {
        var interfaceId = request.Require("NetworkInterfaceId");
        var target = state.Interfaces.FirstOrDefault(i => i.Id == interfaceId)
            ?? throw new Ec2Fault("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{interfaceId}' does not exist");
        var groupIds = request.List("SecurityGroupId").Distinct(StringComparer.Ordinal).ToList();
        if (groupIds.Count == 0)
        {
            throw new Ec2Fault("MissingParameter", "The request must contain the parameter groupId");
        }

        foreach (var groupId in groupIds)
        {
            if (state.Group(groupId).VpcId != target.VpcId)
            {
                throw Ec2Fault.InvalidParameter($"Security group {groupId} and interface {interfaceId} belong to different networks.");
            }
        }

        if (groupIds.Count > state.GroupsPerInterfaceLimit)
        {
            throw new Ec2Fault("SecurityGroupsPerInterfaceLimitExceeded", "The maximum number of security groups per interface has been reached.");
        }

        target.GroupIds.Clear();
        target.GroupIds.AddRange(groupIds);
        return Response("ModifyNetworkInterfaceAttribute", E("return", "true"));
    }

    private static bool Matches(FakeInstance instance, string name, List<string> values) =>
        FakeEc2State.MatchesTagFilter(name, values, instance.Tags) ?? name switch
        {
            "instance-state-name" => values.Contains(instance.State),
            "instance-id" => values.Contains(instance.Id),
            "vpc-id" => values.Contains(instance.VpcId),
            _ => throw Ec2Fault.InvalidParameter($"The filter '{name}' is invalid"),
        };

    private static object?[] Instance(FakeInstance instance)
    {
        var primary = instance.Interfaces.FirstOrDefault();
        return
        [
            E("instanceId", instance.Id),
            E("imageId", "ami-12345678"),
            E("instanceState", E("code", instance.State == "running" ? "16" : "0"), E("name", instance.State)),
            E("instanceType", "t3.micro"),
            primary?.Addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) is { } address ? E("privateIpAddress", address) : null,
            E("vpcId", instance.VpcId),
            Set("groupSet", (primary?.GroupIds ?? []).Select(g => E("groupId", g))),
            Tags(instance.Tags),
            Set("networkInterfaceSet", instance.Interfaces.Select(Interface)),
        ];
    }

    private static object?[] Interface(FakeInterface networkInterface, int index) =>
    [
        E("networkInterfaceId", networkInterface.Id),
        E("vpcId", networkInterface.VpcId),
        E("status", "in-use"),
        E("attachment", E("deviceIndex", index), E("status", "attached")),
        Set("groupSet", networkInterface.GroupIds.Select(g => E("groupId", g))),
        Set("privateIpAddressesSet", networkInterface.Addresses
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork)
            .Select((a, i) => new object[] { E("privateIpAddress", a), E("primary", i == 0 ? "true" : "false") })),
        Set("ipv6AddressesSet", networkInterface.Addresses
            .Where(a => a.AddressFamily == AddressFamily.InterNetworkV6)
            .Select(a => E("ipv6Address", a))),
        networkInterface.HasDelegatedPrefix ? Set("ipv4PrefixSet", [E("ipv4Prefix", "10.99.0.0/28")]) : null,
    ];
}
