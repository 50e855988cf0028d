using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>Reads one entry of <c>workloads</c>: name, namespace, addresses, labels and named ports.</summary>
internal static class WorkloadEntryReader
{
    private const string DefaultNamespace = "default";
    private static readonly string[] Fields = ["name", "namespace", "ips", "labels", "ports"];

    public static WorkloadEntry? Read(YamlMapping mapping, FieldPath path, YamlReadContext context)
    {
        var errors = context.ErrorCount;
        string? name = null;
        var @namespace = DefaultNamespace;
        var addresses = ImmutableArray<IPAddress>.Empty;
        var addressNodes = new List<YamlNode>();
        var labels = LabelSet.Empty;
        var ports = ImmutableArray<NamedPort>.Empty;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "name":
                    name = ReadName(entry.Value, entryPath, context);
                    break;
                case "namespace":
                    @namespace = ReadNamespace(entry.Value, entryPath, context) ?? @namespace;
                    break;
                case "ips":
                    addresses = ReadAddresses(entry.Value, entryPath, addressNodes, context);
                    break;
                case "labels":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } labelMap)
                    {
                        labels = LabelMapReader.ReadLabels(labelMap, entryPath, context);
                    }

                    break;
                case "ports":
                    ports = ReadPorts(entry.Value, entryPath, context);
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        context.Require(mapping, "name", path);
        context.Require(mapping, "ips", path, ", with at least one address");
        if (mapping.Find("ips") is YamlSequence { Items.Count: 0 } noAddresses)
        {
            context.Error(noAddresses, path.Field("ips"), "ips needs at least one address");
        }

        if (errors != context.ErrorCount || name is null)
        {
            return null;
        }

        var workload = new Workload(name, @namespace, labels, addresses, ports, mapping.Location(context.File));
        return new WorkloadEntry(workload, mapping.Find("name")!, addressNodes, path);
    }

    private static string? ReadName(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var name = context.OptionalString(node, path);
        if (name is not null && !Dns1123.IsSubdomain(name))
        {
            context.Error(node, path, $"invalid workload name '{name}': {Dns1123.SubdomainRule}");
        }

        return name;
    }

    private static string? ReadNamespace(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var @namespace = context.OptionalString(node, path);
        if (@namespace is not null && !Dns1123.IsLabel(@namespace))
        {
            context.Error(node, path, $"invalid namespace '{@namespace}': {Dns1123.LabelRule}");
            return null;
        }

        return @namespace;
    }

    private static ImmutableArray<IPAddress> ReadAddresses(YamlNode node, FieldPath path, List<YamlNode> nodes, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var addresses = ImmutableArray.CreateBuilder<IPAddress>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = path.Index(i);
            if (YamlReadContext.IsAbsent(item))
            {
                context.Error(item, itemPath, "expected an IP address, found null");
            }
            else if (context.OptionalString(item, itemPath) is { } text)
            {
                if (!IpAddressSyntax.TryParse(text, out var address))
                {
                    context.Error(item, itemPath, $"'{text}' is not an IP address such as 10.0.1.1 or fd00::1");
                }
                else if (addresses.Contains(address))
                {
                    context.Error(item, itemPath, $"{address} is listed twice");
                }
                else
                {
                    addresses.Add(address);
                    nodes.Add(item);
                }
            }
        }

        return addresses.DrainToImmutable();
    }

    private static ImmutableArray<NamedPort> ReadPorts(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var ports = ImmutableArray.CreateBuilder<NamedPort>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = path.Index(i);
            if (NamedPortReader.Read(sequence.Items[i], itemPath, context) is not { } port)
            {
                continue;
            }

            if (ports.Any(p => p.Name == port.Name))
            {
                var nameNode = ((YamlMapping)sequence.Items[i]).Find("name")!;
                context.Error(nameNode, itemPath.Field("name"), $"the port name '{port.Name}' is used twice in this workload");
                continue;
            }

            ports.Add(port);
        }

        return ports.DrainToImmutable();
    }
}
