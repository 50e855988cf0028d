using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>
/// Workloads and namespaces read from a YAML inventory file: <c>namespaces</c> with their labels,
/// and <c>workloads</c> with namespace, addresses, labels and named ports.
/// </summary>
public sealed class InventoryFileSource : IInventorySource
{
    private readonly string _path;
    private readonly InputLimits _limits;

    public InventoryFileSource(string path, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _limits = limits ?? InputLimits.Default;
    }

    public string Description => _path;

    /// <summary>
    /// Reads the file on the thread pool, so a caller can load policies meanwhile; a missing or
    /// invalid file gives an empty inventory and the diagnostics saying why.
    /// </summary>
    public Task<InventoryLoadResult> LoadAsync(CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            var diagnostics = new List<Diagnostic>();
            var text = YamlFile.Read(_path, _limits, diagnostics, cancellationToken);
            return text is null ? new InventoryLoadResult(WorkloadInventory.Empty, [.. diagnostics]) : Parse(text, _path, _limits);
        },
        cancellationToken);

    /// <summary>Reads an inventory from text in memory; <paramref name="fileName"/> names it in diagnostics.</summary>
    public static InventoryLoadResult Parse(string text, string fileName) => Parse(text, fileName, InputLimits.Default);

    /// <summary>Reads an inventory from text in memory, refusing input beyond <paramref name="limits"/>.</summary>
    public static InventoryLoadResult Parse(string text, string fileName, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        return InventoryReader.Read(text, fileName, limits);
    }
}
