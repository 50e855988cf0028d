using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ztap.Core.Policy;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>Reads a workload's <c>ports</c>: each a name, a number and a protocol (TCP unless given), each name once.</summary>
internal static class NamedPortReader
{
    private static readonly string[] Fields = ["name", "port", "protocol"];

    public static ImmutableArray<NamedPort> ReadAll(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        // Filled in place and handed over without a copy, as a workload's addresses are.
        var ports = new NamedPort[sequence.Items.Count];
        var count = 0;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = path.Index(i);
            if (Read(sequence.Items[i], itemPath, context) is not { } port)
            {
                continue;
            }

            if (IsNameTaken(ports.AsSpan(0, count), port.Name))
            {
                var nameNode = ((YamlMapping)sequence.Items[i]).Find("name")!;
                context.Error(nameNode, itemPath.Field("name"), $"the port name '{port.Name}' is used twice in this workload");
                continue;
            }

            ports[count++] = port;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(count == ports.Length ? ports : ports[..count]);
    }

    private static bool IsNameTaken(ReadOnlySpan<NamedPort> ports, string name)
    {
        foreach (var port in ports)
        {
            if (port.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static NamedPort? Read(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var errors = context.ErrorCount;
        string? name = null;
        int? port = null;
        var protocol = Protocol.Tcp;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "name":
                    name = ReadName(entry.Value, entryPath, context);
                    break;
                case "port":
                    port = ReadPort(entry.Value, entryPath, context);
                    break;
                case "protocol":
                    protocol = ReadProtocol(entry.Value, entryPath, context) ?? protocol;
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        context.Require(mapping, "name", path);
        context.Require(mapping, "port", path);
        return errors == context.ErrorCount && name is not null && port is { } number
            ? new NamedPort(name, number, protocol)
            : null;
    }

    private static string? ReadName(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var name = context.OptionalString(node, path);
        if (name is not null && !PortNameSyntax.IsValid(name))
        {
            context.Error(node, path, $"invalid port name '{name}': {PortNameSyntax.Rule}");
        }

        return name;
    }

    private static int? ReadPort(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (YamlReadContext.IsAbsent(node))
        {
            return null;
        }

        if (node is YamlScalar scalar && scalar.TryGetInt32(out var port) && PortNumber.IsValid(port))
        {
            return port;
        }

        context.Error(node, path, $"expected a port number from {PortNumber.Min} to {PortNumber.Max}, found {node.Description}");
        return null;
    }

    private static Protocol? ReadProtocol(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalString(node, path) is not { } text)
        {
            return null;
        }

        if (ProtocolNames.TryParse(text, out var protocol) && ProtocolNames.HasPorts(protocol))
        {
            return protocol;
        }

        context.Error(node, path, $"unsupported protocol '{text}' for a named port; expected TCP, UDP or SCTP");
        return null;
    }
}
