using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>Reads one entry of <c>workloads</c>: name, namespace, addresses, labels, named ports and cgroup.</summary>
internal static class WorkloadEntryReader
{
    private const string DefaultNamespace = "default";
    private static readonly string[] Fields = ["name", "namespace", "ips", "labels", "ports", "cgroup"];

    /// <summary>The entry, its labels and ports shared through <paramref name="values"/> with equal ones read before.</summary>
    public static WorkloadEntry? Read(YamlMapping mapping, FieldPath path, YamlReadContext context, WorkloadValueCache values)
    {
        var errors = context.ErrorCount;
        string? name = null;
        var @namespace = DefaultNamespace;
        var addresses = ImmutableArray<IPAddress>.Empty;
        var labels = LabelSet.Empty;
        var ports = ImmutableArray<NamedPort>.Empty;
        string? cgroup = null;
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
                    addresses = WorkloadAddressReader.Read(entry.Value, entryPath, context);
                    break;
                case "labels":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } labelMap)
                    {
                        labels = LabelMapReader.ReadLabels(labelMap, entryPath, context);
                    }

                    break;
                case "ports":
                    ports = NamedPortReader.ReadAll(entry.Value, entryPath, context);
                    break;
                case "cgroup":
                    cgroup = ReadCgroup(entry.Value, entryPath, context);
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

        var workload = new Workload(name, @namespace, values.Share(labels), addresses, values.Share(ports), mapping.Location(context.File))
        {
            Cgroup = cgroup,
        };
        // Without errors ips is a list and each of its items gave the address at the same position.
        var addressNodes = ((YamlSequence)mapping.Find("ips")!).Items;
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

    /// <summary>A cgroup path relative to the cgroup2 mount ("/" is the root); it may not climb out of it.</summary>
    private static string? ReadCgroup(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var cgroup = context.OptionalString(node, path);
        if (cgroup is not null && (cgroup.Length == 0 || cgroup.Split('/').Contains("..")))
        {
            context.Error(node, path, $"invalid cgroup '{cgroup}': a path below the cgroup2 mount such as system.slice/web.service, or / for the whole host");
            return null;
        }

        return cgroup;
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
}
