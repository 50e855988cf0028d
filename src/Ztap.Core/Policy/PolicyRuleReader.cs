using System.Collections.Immutable;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads one <c>ingress</c> or <c>egress</c> entry: its peers (<c>from</c> or <c>to</c>) and ports.
/// Missing or empty peers mean every peer; missing or empty ports mean every port. Rules equal
/// within a file are one object (<see cref="SharedValues"/>).
/// </summary>
internal static class PolicyRuleReader
{
    private static readonly string[] IngressFields = ["from", "ports"];
    private static readonly string[] EgressFields = ["to", "ports"];

    public static PolicyRule? Read(YamlNode node, FieldPath path, Direction direction, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var errors = context.ErrorCount;
        var (section, peersField, otherPeersField, fields) = direction == Direction.Ingress
            ? ("ingress", "from", "to", IngressFields)
            : ("egress", "to", "from", EgressFields);
        var peers = ImmutableArray<PolicyPeer>.Empty;
        var ports = ImmutableArray<PolicyPort>.Empty;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            if (entry.Key == peersField)
            {
                peers = ReadPeers(entry.Value, entryPath, dialect, context);
            }
            else if (entry.Key == "ports")
            {
                ports = ReadPorts(entry.Value, entryPath, dialect, context);
            }
            else if (entry.Key == otherPeersField)
            {
                context.Error(entry.KeyNode, entryPath, $"unknown field '{entry.Key}'; {section} rules use '{peersField}'");
            }
            else
            {
                context.UnknownField(entry, path, fields);
            }
        }

        return errors == context.ErrorCount ? SharedValues.Of(context).Share(new PolicyRule(peers, ports)) : null;
    }

    private static ImmutableArray<PolicyPeer> ReadPeers(YamlNode node, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        // ztap/v1 lets a rule with one peer skip the list; Kubernetes always wants a list.
        if (node is YamlMapping single && dialect == PolicyDialect.ZtapV1)
        {
            return PolicyPeerReader.Read(single, path, dialect, context) is { } peer ? [peer] : [];
        }

        if (node is YamlMapping)
        {
            context.Error(node, path, "expected a list of peers, found a mapping; write '- ' before the peer (ztap/v1 also accepts a single peer)");
            return [];
        }

        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var peers = ImmutableArray.CreateBuilder<PolicyPeer>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (PolicyPeerReader.Read(sequence.Items[i], path.Index(i), dialect, context) is { } peer)
            {
                peers.Add(peer);
            }
        }

        return SharedValues.Of(context).Share(peers.DrainToImmutable());
    }

    private static ImmutableArray<PolicyPort> ReadPorts(YamlNode node, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var ports = ImmutableArray.CreateBuilder<PolicyPort>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (PolicyPortReader.Read(sequence.Items[i], path.Index(i), dialect, context) is { } port)
            {
                ports.Add(port);
            }
        }

        return SharedValues.Of(context).Share(ports.DrainToImmutable());
    }
}
