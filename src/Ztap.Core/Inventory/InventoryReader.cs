using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>
/// Reads an inventory file's documents into one <see cref="WorkloadInventory"/>, refusing what
/// would make it ambiguous: a namespace or workload defined twice, or an address two workloads
/// claim. Nothing is built unless every entry is valid. Takes the lists item by item as they are
/// read, so that a large inventory's workloads never all exist as YAML trees at once.
/// </summary>
internal sealed class InventoryReader : IYamlEntrySink
{
    private const string InputKind = "an inventory";
    private static readonly string[] Fields = ["namespaces", "workloads"];

    private readonly YamlReadContext _context;
    private readonly List<WorkloadNamespace> _namespaces = [];
    private readonly Dictionary<string, SourceLocation> _namespaceOrigins = new(StringComparer.Ordinal);
    private readonly List<Workload> _workloads = [];
    private readonly Dictionary<(string Namespace, string Name), SourceLocation> _workloadOrigins = [];
    private WorkloadValueCache _values = new();
    private readonly Dictionary<IPAddress, Workload> _addressOwners = [];

    private InventoryReader(YamlReadContext context)
    {
        _context = context;
    }

    public static InventoryLoadResult Read(string text, string file, InputLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = new InventoryReader(new YamlReadContext(file, diagnostics));
        YamlStreamReader.Read(text, file, limits, InputKind, diagnostics, reader);
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        var inventory = bag.HasErrors
            ? WorkloadInventory.Empty
            : new WorkloadInventory(reader._namespaces, [.. reader._workloads], reader._addressOwners);
        return new InventoryLoadResult(inventory, bag.ToImmutableSorted());
    }

    public void Document(YamlNode root)
    {
        StartMapping();
        if (_context.Mapping(root, FieldPath.Root) is not { } mapping)
        {
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            Entry(entry);
        }
    }

    public void Restart()
    {
        _namespaces.Clear();
        _namespaceOrigins.Clear();
        _workloads.Clear();
        _workloadOrigins.Clear();
        _values = new WorkloadValueCache();
        _addressOwners.Clear();
    }

    public bool TakesItemsOf(string key) => key is "namespaces" or "workloads";

    public void StartMapping() => _context.Subject = null;

    public void Entry(YamlMappingEntry entry)
    {
        if (!TakesItemsOf(entry.Key))
        {
            _context.UnknownField(entry, FieldPath.Root, Fields);
            return;
        }

        var path = FieldPath.Root.Field(entry.Key);
        if (_context.OptionalSequence(entry.Value, path) is not { } sequence)
        {
            return;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            Item(entry.KeyNode, i, sequence.Items[i]);
        }
    }

    public void Item(YamlScalar key, int index, YamlNode item)
    {
        var path = FieldPath.Root.Field(key.Value).Index(index);
        if (_context.Mapping(item, path) is not { } mapping)
        {
            return;
        }

        if (key.Value == "namespaces")
        {
            ReadNamespace(mapping, path);
        }
        else
        {
            ReadWorkload(mapping, path);
        }
    }

    private void ReadNamespace(YamlMapping mapping, FieldPath path)
    {
        _context.Subject = mapping.Find("name") is YamlScalar { Type: YamlScalarType.String } name ? name.Value : null;
        if (NamespaceEntryReader.Read(mapping, path, _context) is not { } @namespace)
        {
            return;
        }

        var nameNode = mapping.Find("name")!;
        if (_namespaceOrigins.TryGetValue(@namespace.Name, out var first))
        {
            _context.Error(nameNode, path.Field("name"), $"namespace {@namespace.Name} is defined twice; the first definition is at {first}");
            return;
        }

        _namespaceOrigins.Add(@namespace.Name, nameNode.Location(_context.File));
        _namespaces.Add(@namespace);
    }

    private void ReadWorkload(YamlMapping mapping, FieldPath path)
    {
        PeekQualifiedName(mapping);
        if (WorkloadEntryReader.Read(mapping, path, _context, _values) is not { } entry)
        {
            return;
        }

        var workload = entry.Workload;
        if (_workloadOrigins.TryGetValue((workload.Namespace, workload.Name), out var first))
        {
            _context.Error(entry.NameNode, path.Field("name"), $"workload {workload.QualifiedName} is defined twice; the first definition is at {first}");
            return;
        }

        var clashes = 0;
        for (var i = 0; i < workload.Addresses.Length; i++)
        {
            if (_addressOwners.TryGetValue(workload.Addresses[i], out var owner))
            {
                clashes++;
                _context.Error(entry.AddressNodes[i], path.Field("ips").Index(i),
                    $"address {workload.Addresses[i]} is used by both {owner.QualifiedName} (at {owner.Origin}) and {workload.QualifiedName}");
            }
        }

        if (clashes > 0)
        {
            return;
        }

        _workloadOrigins.Add((workload.Namespace, workload.Name), entry.NameNode.Location(_context.File));
        _workloads.Add(workload);
        foreach (var address in workload.Addresses)
        {
            _addressOwners.Add(address, workload);
        }
    }

    /// <summary>Makes the workload's <c>namespace/name</c> the subject of diagnostics, read ahead of validation.</summary>
    private void PeekQualifiedName(YamlMapping mapping)
    {
        if (mapping.Find("name") is not YamlScalar { Type: YamlScalarType.String } name)
        {
            _context.Subject = null;
            return;
        }

        var @namespace = mapping.Find("namespace") is YamlScalar { Type: YamlScalarType.String } ns ? ns.Value : "default";
        _context.SetSubject(@namespace, name.Value);
    }
}
