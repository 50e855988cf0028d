using System.Collections.Immutable;
using System.Net;
using CsCheck;
using Ztap.Core.Addressing;
using Ztap.Core.Diagnostics;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Engine;

/// <summary>
/// Generators of small, dense worlds: few labels, namespaces and addresses, so that selectors,
/// overlapping CIDRs, excepts, named ports and port ranges collide often.
/// </summary>
internal static class ScenarioGen
{
    private static readonly SourceLocation Here = new("generated.yaml", 1, 1);
    private static readonly string[] Namespaces = ["default", "prod", "dev"];
    private static readonly string[] Keys = ["app", "tier"];
    private static readonly string[] Values = ["a", "b", "c"];
    private static readonly Protocol[] Protocols = [Protocol.Tcp, Protocol.Udp, Protocol.Sctp, Protocol.Icmp];
    private static readonly NamedPort[] NamedPorts =
        [new("http", 80, Protocol.Tcp), new("http", 8080, Protocol.Tcp), new("dns", 53, Protocol.Udp), new("metrics", 81, Protocol.Tcp)];

    /// <summary>An address from a small IPv4 or IPv6 range, so generated prefixes cover many of them.</summary>
    private static readonly Gen<IPAddress> Address =
        Gen.Select(Gen.Bool, Gen.Int[0, 63], (v6, host) => v6 ? IPAddress.Parse($"fd00::{host:x}") : IPAddress.Parse($"10.0.0.{host}"));

    private static readonly Gen<LabelSet> Labels =
        Gen.Int[0, 3].Array[Keys.Length].Select(choices => LabelSet.From(
            choices.Select((choice, key) => (choice, key)).Where(c => c.choice < Values.Length)
                .Select(c => KeyValuePair.Create(Keys[c.key], Values[c.choice]))));

    private static readonly Gen<LabelRequirement> Requirement =
        Gen.Select(Gen.OneOf(Keys), Gen.OneOf(Enum.GetValues<SelectorOperator>()), Gen.OneOf(Values).Array[1, 2], (key, op, values) =>
            new LabelRequirement(key, op, op is SelectorOperator.In or SelectorOperator.NotIn ? [.. values.Distinct()] : []));

    private static readonly Gen<LabelSelector> Selector =
        Gen.Select(Labels, Requirement.Array[0, 2], Gen.Int[0, 2], (labels, requirements, shape) =>
            shape == 0 ? LabelSelector.Everything : new LabelSelector(labels, shape == 1 ? [] : [.. requirements]));

    private static readonly Gen<IpBlock> Block =
        Gen.Select(Address, Gen.Int[0, 6], Gen.Int[1, 3].Array[0, 2], Address.Array[0, 2], (address, shorter, deeper, inside) =>
        {
            var bits = AddressKey.IsV4(address) ? 32 : 128;
            var cidr = new IPNetwork(Mask(address, bits - shorter), bits - shorter);
            var except = deeper.Zip(inside)
                .Select(pair => (Length: Math.Min(bits, cidr.PrefixLength + pair.First), Address: pair.Second))
                .Where(e => e.Length > cidr.PrefixLength && e.Address.AddressFamily == address.AddressFamily && cidr.Contains(e.Address))
                .Select(e => new IPNetwork(Mask(e.Address, e.Length), e.Length))
                .Distinct();
            return new IpBlock(cidr, [.. except]);
        });

    private static readonly Gen<PolicyPeer> Peer =
        Gen.Select(Gen.Int[0, 3], Selector, Selector, Block, (shape, pods, namespaces, block) => shape switch
        {
            0 => new PolicyPeer(pods, null, null),
            1 => new PolicyPeer(null, namespaces, null),
            2 => new PolicyPeer(pods, namespaces, null),
            _ => new PolicyPeer(null, null, block),
        });

    // Named ports mostly with the protocol the workloads serve them on, so that they match often.
    private static readonly Gen<PolicyPort> Port =
        Gen.Select(Gen.OneOf(Protocols), Gen.Int[0, 4], Gen.Int[78, 82], Gen.Int[0, 3], Gen.OneOf(NamedPorts), (protocol, shape, port, span, named) =>
            shape == 4 ? new PolicyPort(named.Protocol, null, named.Name, null)
            : protocol == Protocol.Icmp || shape == 0 ? new PolicyPort(protocol, null, null, null)
            : shape == 1 ? new PolicyPort(protocol, port, null, null)
            : shape == 2 ? new PolicyPort(protocol, port, null, port + span)
            : new PolicyPort(protocol, null, named.Name, null));

    private static readonly Gen<PolicyRule> Rule =
        Gen.Select(Peer.Array[0, 2], Port.Array[0, 2], (peers, ports) => new PolicyRule([.. peers], [.. ports]));

    private static readonly Gen<NetworkPolicy> Policy =
        Gen.Select(Gen.OneOf(Namespaces), Selector, Gen.Int[1, 3], Rule.Array[0, 2], Rule.Array[0, 2], (ns, selector, types, ingress, egress) =>
            new NetworkPolicy("p", ns, PolicyDialect.Kubernetes, selector, (PolicyTypes)types, [.. ingress], [.. egress], Here));

    private static readonly Gen<(string Namespace, LabelSet Labels, IPAddress[] Addresses, NamedPort[] Ports)> WorkloadShape =
        Gen.Select(Gen.OneOf(Namespaces), Labels, Address.Array[1, 2], Gen.OneOf(NamedPorts).Array[0, 2], (ns, labels, addresses, ports) =>
            (ns, labels, addresses, ports));

    private static readonly Gen<WorkloadInventory> Inventory =
        Gen.Select(WorkloadShape.Array[1, 8], Labels.Array[Namespaces.Length], (shapes, namespaceLabels) =>
        {
            var used = new HashSet<IPAddress>();
            var workloads = shapes.Select((shape, index) => new Workload(
                $"w{index}",
                shape.Namespace,
                shape.Labels,
                [.. shape.Addresses.Where(used.Add)],
                [.. shape.Ports.DistinctBy(p => p.Name)],
                Here));
            var namespaces = Namespaces.Select((name, index) => WorkloadNamespace.Create(name, namespaceLabels[index]));
            return new WorkloadInventory(namespaces, workloads.Where(w => !w.Addresses.IsEmpty).ToList());
        });

    public static readonly Gen<Scenario> Scenarios =
        Inventory.SelectMany(inventory => Gen.Select(Policy.Array[0, 6], FlowsOver(inventory).Array[1, 12], (policies, flows) => new Scenario(
            inventory,
            [.. policies.Select((policy, index) => policy with { Name = $"p{index}" })],
            [.. flows.Where(f => f.Source.AddressFamily == f.Destination.AddressFamily)])));

    /// <summary>Flows mostly between the inventory's own addresses, where policies have the most to say.</summary>
    private static Gen<Flow> FlowsOver(WorkloadInventory inventory)
    {
        var known = inventory.Workloads.SelectMany(w => w.Addresses).ToArray();
        var endpoint = Gen.Select(Gen.Int[0, 3], Gen.OneOf(known), Address, (pick, own, any) => pick == 0 ? any : own);
        return Gen.Select(endpoint, endpoint, Gen.OneOf(Protocols), Gen.OneOf(53, 78, 79, 80, 81, 82, 8080), (source, destination, protocol, port) =>
            new Flow(source, destination, protocol, protocol == Protocol.Icmp ? 0 : port));
    }

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
