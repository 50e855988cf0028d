using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>
/// Reads an inventory file's documents into one <see cref="WorkloadInventory"/>, refusing what
/// would make it ambiguous: a namespace or workload defined twice, or an address two workloads
/// claim. Nothing is built unless every entry is valid. Takes the lists item by item as they are
/// read, so that a large inventory's workloads never all exist as YAML trees at once, and, given
/// the texts of a read before, takes unchanged workload items unparsed (<see cref="WorkloadTexts"/>).
/// </summary>
internal sealed class InventoryReader : IYamlEntrySink
{
    private const string InputKind = "an inventory";
    private static readonly string[] Fields = ["namespaces", "workloads"];

    private readonly YamlReadContext _context;
    private readonly List<WorkloadNamespace> _namespaces = [];
    private readonly Dictionary<string, SourceLocation> _namespaceOrigins = new(StringComparer.Ordinal);
    private readonly List<Workload> _workloads;
    private readonly HashSet<Workload> _named;
    private WorkloadValueCache _values = new();
    private readonly WorkloadAddressIndex _addressOwners = new();
    private readonly WorkloadTexts? _previousTexts;
    private readonly WorkloadTexts? _texts;

    // What the last KnownItemLength found, and its key, for ItemAgain to take.
    private WorkloadTexts.Known? _known;
    private ulong _knownFirstLine;

    private InventoryReader(YamlReadContext context, WorkloadTexts? previousTexts, bool keepTexts)
    {
        // A file read again mostly holds the workloads it held: sized for those, the tables of a
        // large inventory are not grown and copied a dozen times over.
        var expected = previousTexts?.Count ?? 0;
        _context = context;
        _workloads = new(expected);
        _named = new(expected, WorkloadNameComparer.Instance);
        _previousTexts = previousTexts;
        _texts = keepTexts ? new WorkloadTexts(expected) : null;
    }

    /// <summary>The inventory in a file's <paramref name="bytes"/>, or the diagnostics that stop it.</summary>
    public static InventoryLoadResult Read(ReadOnlySpan<byte> bytes, string file, InputLimits limits) =>
        Read(bytes, file, limits, previousTexts: null, keepTexts: false);

    /// <summary>
    /// Reads like <see cref="Read(ReadOnlySpan{byte}, string, InputLimits)"/>, taking each workload
    /// whose text <paramref name="previousTexts"/> holds as the workload read from it before; with
    /// <paramref name="keepTexts"/> the result carries this read's texts for the next.
    /// </summary>
    public static InventoryLoadResult Read(ReadOnlySpan<byte> bytes, string file, InputLimits limits, WorkloadTexts? previousTexts, bool keepTexts)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = new InventoryReader(new YamlReadContext(file, diagnostics), previousTexts, keepTexts);
        YamlStreamReader.Read(bytes, file, limits, InputKind, diagnostics, reader);
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        if (reader._texts is { } texts)
        {
            // Kept for as long as the inventory is in force, by a reader that reads it again.
            texts.TrimExcess();
            reader._addressOwners.TrimExcess();
        }

        var inventory = bag.HasErrors
            ? WorkloadInventory.Empty
            : new WorkloadInventory(reader._namespaces, [.. reader._workloads], reader._addressOwners);
        return new InventoryLoadResult(inventory, bag.ToImmutableSorted()) { WorkloadTexts = reader._texts };
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
        _texts?.Clear();
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
            Item(entry.Key, i, sequence.Items[i], text: [], line: 0);
        }
    }

    /// <param name="text">The item's text, to record it for the next read; empty for none.</param>
    public void Item(string key, int index, YamlNode item, ReadOnlySpan<byte> text, int line)
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
            ReadWorkload(mapping, path, text, line);
        }
    }

    public int KnownItemLength(string key, ReadOnlySpan<byte> rest)
    {
        _known = key == "workloads" ? _previousTexts?.Find(rest, out _knownFirstLine) : null;
        return _known?.Length ?? 0;
    }

    /// <summary>
    /// Takes the workload read before from the item's text, at the item's place, when neither its
    /// name nor an address is taken by a workload read before it; a clash is left to a full read of
    /// the item, which reports it.
    /// </summary>
    public bool ItemAgain(string key, int index, int line)
    {
        var known = _known!.Value;
        var origin = new SourceLocation(_context.File, line + known.LineOffset, known.Workload.Origin.Column);
        var workload = known.Workload.Origin == origin ? known.Workload : known.Workload with { Origin = origin };
        if (!TryAdd(workload, read: null))
        {
            return false;
        }

        // So that workloads read after it share its labels and ports, as in a fresh read.
        _values.Share(workload.Labels);
        _values.Share(workload.NamedPorts);
        _texts?.Add(_knownFirstLine, known with { Workload = workload });
        return true;
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

    private void ReadWorkload(YamlMapping mapping, FieldPath path, ReadOnlySpan<byte> text, int line)
    {
        PeekQualifiedName(mapping);
        if (ReadEntry(mapping, path, text, line) is not { } entry)
        {
            return;
        }

        TryAdd(entry.Workload, entry);
    }

    /// <summary>
    /// Adds the workload unless its name or one of its addresses is taken, and then claims none of
    /// them. A clash is reported at the nodes of the entry <paramref name="read"/> from the item;
    /// a workload taken unparsed has none, and is read in full to report it.
    /// </summary>
    private bool TryAdd(Workload workload, WorkloadEntry? read)
    {
        // Each lookup both checks and claims, because with tens of thousands of workloads every
        // lookup in these large tables is a cache miss; a clash, which is rare, undoes the claims.
        if (!_named.Add(workload))
        {
            if (read is { } entry)
            {
                _named.TryGetValue(workload, out var first);
                _context.Error(entry.NameNode, entry.Path.Field("name"), $"workload {workload.QualifiedName} is defined twice; the first definition is at {first!.Origin}");
            }

            return false;
        }

        var clashes = 0;
        var position = _workloads.Count;
        for (var i = 0; i < workload.Addresses.Length; i++)
        {
            if (_addressOwners.Claim(workload.Addresses[i], position) is var taken and not WorkloadAddressIndex.None)
            {
                clashes++;
                if (read is { } entry)
                {
                    var owner = _workloads[taken];
                    _context.Error(entry.AddressNodes[i], entry.Path.Field("ips").Index(i),
                        $"address {workload.Addresses[i]} is used by both {owner.QualifiedName} (at {owner.Origin}) and {workload.QualifiedName}");
                }
            }
        }

        if (clashes > 0)
        {
            Unclaim(workload, position);
            return false;
        }

        _workloads.Add(workload);
        return true;
    }

    /// <summary>The workload in the item, recorded under the item's text when reading it gave no diagnostic at all.</summary>
    private WorkloadEntry? ReadEntry(YamlMapping mapping, FieldPath path, ReadOnlySpan<byte> text, int line)
    {
        var diagnostics = _context.DiagnosticCount;
        var entry = WorkloadEntryReader.Read(mapping, path, _context, _values);
        if (_texts is not null && !text.IsEmpty && entry is { } read && _context.DiagnosticCount == diagnostics)
        {
            _texts.Add(text, line, read.Workload);
        }

        return entry;
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
