using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Reads one <c>ports</c> entry: protocol, a port number or name, and an optional endPort.</summary>
internal static class PolicyPortReader
{
    private static readonly string[] Fields = ["protocol", "port", "endPort"];

    public static PolicyPort? Read(YamlNode node, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var errors = context.ErrorCount;
        var protocol = Protocol.Tcp;
        var port = new PortValue(null, null);
        int? endPort = null;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "protocol":
                    protocol = ProtocolReader.Read(entry.Value, entryPath, dialect, context) ?? protocol;
                    break;
                case "port":
                    port = ReadPort(entry.Value, entryPath, context);
                    break;
                case "endPort":
                    endPort = ReadEndPort(entry.Value, entryPath, context);
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        CheckCombination(mapping, path, protocol, port, endPort, context);
        return errors == context.ErrorCount ? SharedValues.Of(context).Share(new PolicyPort(protocol, port.Number, port.Name, endPort)) : null;
    }

    private static void CheckCombination(
        YamlMapping mapping, FieldPath path, Protocol protocol, PortValue port, int? endPort, YamlReadContext context)
    {
        if (!ProtocolNames.HasPorts(protocol))
        {
            foreach (var field in (ReadOnlySpan<string>)["port", "endPort"])
            {
                if (!YamlReadContext.IsAbsent(mapping.Find(field)))
                {
                    context.Error(mapping.Find(field)!, path.Field(field), $"{ProtocolNames.Format(protocol)} has no ports; remove {field}");
                }
            }

            return;
        }

        if (endPort is not { } end)
        {
            return;
        }

        var endNode = mapping.Find("endPort")!;
        var endPath = path.Field("endPort");
        if (port.Name is not null)
        {
            context.Error(endNode, endPath, $"endPort needs a numeric port, not the named port '{port.Name}'");
        }
        else if (port.Number is not { } start)
        {
            context.Error(endNode, endPath, "endPort needs port, the start of the range");
        }
        else if (end < start)
        {
            context.Error(endNode, endPath, $"endPort {end} is below port {start}");
        }
    }

    private static PortValue ReadPort(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (YamlReadContext.IsAbsent(node))
        {
            return new PortValue(null, null);
        }

        if (node is YamlScalar { Type: YamlScalarType.String } text)
        {
            if (PortNameSyntax.IsValid(text.Value))
            {
                return new PortValue(null, text.Value);
            }

            // As in Kubernetes, a quoted "80" is a string, so it is read as a port name and fails there.
            var quotedNumber = text.Value.Length > 0 && !text.Value.AsSpan().ContainsAnyExceptInRange('0', '9');
            context.Error(node, path, quotedNumber
                ? $"port \"{text.Value}\" is quoted, which makes it a port name, and port names need a letter; write {text.Value} without quotes"
                : $"invalid port name '{text.Value}': {PortNameSyntax.Rule}");
            return new PortValue(null, null);
        }

        return new PortValue(ReadNumber(node, path, "port", "a port number or name", context), null);
    }

    private static int? ReadEndPort(YamlNode node, FieldPath path, YamlReadContext context) =>
        YamlReadContext.IsAbsent(node) ? null : ReadNumber(node, path, "endPort", "a port number", context);

    private static int? ReadNumber(YamlNode node, FieldPath path, string field, string expected, YamlReadContext context)
    {
        if (node is YamlScalar { Type: YamlScalarType.Integer } scalar)
        {
            if (scalar.TryGetInt32(out var number) && PortNumber.IsValid(number))
            {
                return number;
            }

            context.Error(node, path, $"{field} {scalar.Value} is out of range; ports run from {PortNumber.Min} to {PortNumber.Max}");
            return null;
        }

        context.Error(node, path, $"expected {expected}, found {node.Description}");
        return null;
    }

    /// <summary>A port as written: a number, a name, or neither for all ports.</summary>
    private readonly record struct PortValue(int? Number, string? Name);
}
