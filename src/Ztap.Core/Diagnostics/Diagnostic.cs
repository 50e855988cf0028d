namespace Ztap.Core.Diagnostics;

/// <summary>
/// One problem found in the input: where it is, which policy and field it concerns, and what is wrong.
/// </summary>
/// <param name="Subject">The policy or workload the problem belongs to, as <c>namespace/name</c>, when known.</param>
/// <param name="FieldPath">The field inside that object, such as <c>spec.egress[0].ports[1].port</c>.</param>
public sealed record Diagnostic(
    Severity Severity,
    SourceLocation Location,
    string? Subject,
    string FieldPath,
    string Message)
{
    public override string ToString()
    {
        var level = Severity == Severity.Error ? "error" : "warning";
        var subject = Subject is null ? "" : $" {Subject}";
        var field = FieldPath.Length == 0 ? "" : $" {FieldPath}:";
        return $"{Location}: {level}:{subject}{field} {Message}";
    }
}
