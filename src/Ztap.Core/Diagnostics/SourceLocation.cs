namespace Ztap.Core.Diagnostics;

/// <summary>A position in an input file, 1-based, as a compiler prints it.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
