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
    private readonly HashSet<Workload> _named = new(WorkloadNameComparer.Instance);
    private WorkloadValueCache _values = new();
    private readonly WorkloadAddressIndex _addressOwners = new();

    private InventoryReader(YamlReadContext context)
    {
        _context = context;
    }

    /// <summary>The inventory in a file's <paramref name="bytes"/>, or the diagnostics that stop it.</summary>
    public static InventoryLoadResult Read(ReadOnlySpan<byte> bytes, string file, InputLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = new InventoryReader(new YamlReadContext(file, diagnostics));
        YamlStreamReader.Read(bytes, file, limits, InputKind, diagnostics, reader);
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        var inventory = bag.HasErrors
            ? WorkloadInventory.Empty
            : new WorkloadInventory(reader._namespaces, [.. reader._workloads], reader._addressOwners);
        return new InventoryLoadResult(inventory, bag.ToImmutableSorted());
    }

    public void Document(YamlNode root)
    {
        _context.Subject = null;
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
        _named.Clear();
        _values = new WorkloadValueCache();
        _addressOwners.Clear();
    }

    public bool TakesItemsOf(string key) => key is "namespaces" or "workloads";

    public void StartMapping() => _context.Subject = null;

    public void Entry(YamlMappingEntry entry)
    {
        // Diagnostics name the entry's or item's own subject, not that of an item read before it.
        _context.Subject = null;
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
            Item(entry.Key, i, sequence.Items[i]);
        }
    }

    public void Item(string key, int index, YamlNode item)
    {
        _context.Subject = null;
        var path = FieldPath.Root.Field(key).Index(index);
        if (_context.Mapping(item, path) is not { } mapping)
        {
            return;
        }

        if (key == "namespaces")
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

        // Each lookup both checks and claims, because with tens of thousands of workloads every
        // lookup in these large tables is a cache miss; a clash, which is rare, undoes the claims.
        var workload = entry.Workload;
        if (!_named.Add(workload))
        {
            _named.TryGetValue(workload, out var first);
            _context.Error(entry.NameNode, path.Field("name"), $"workload {workload.QualifiedName} is defined twice; the first definition is at {first!.Origin}");
            return;
        }

        var clashes = 0;
        var position = _workloads.Count;
        for (var i = 0; i < workload.Addresses.Length; i++)
        {
            if (_addressOwners.Claim(workload.Addresses[i], position) is var taken and not WorkloadAddressIndex.None)
            {
                var owner = _workloads[taken];
                clashes++;
                _context.Error(entry.AddressNodes[i], path.Field("ips").Index(i),
                    $"address {workload.Addresses[i]} is used by both {owner.QualifiedName} (at {owner.Origin}) and {workload.QualifiedName}");
            }
        }

        if (clashes > 0)
        {
            Unclaim(workload, position);
            return;
        }

        _workloads.Add(workload);
    }

    /// <summary>Forgets the name and addresses a workload claimed before one of its addresses turned out to be taken.</summary>
    private void Unclaim(Workload workload, int position)
    {
        _named.Remove(workload);
        foreach (var address in workload.Addresses)
        {
            _addressOwners.Release(address, position);
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
