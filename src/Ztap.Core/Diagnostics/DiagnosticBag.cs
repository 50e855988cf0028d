using System.Collections.Immutable;

namespace Ztap.Core.Diagnostics;

/// <summary>Collects every diagnostic of one load so that all of them are reported, not only the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors { get; private set; }

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.Severity == Severity.Error;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>The diagnostics in file, line and column order, so output is stable whatever the load order.</summary>
    public ImmutableArray<Diagnostic> ToImmutableSorted() =>
        [.. _items
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)];
}
