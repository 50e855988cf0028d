using Ztap.Enforcement;

namespace Ztap.Observability.Pipeline;

/// <summary>
/// One attempt of the agent to apply its policies: the version now in force and how long loading,
/// compiling and installing took, or why the attempt was refused (the previous version stays).
/// </summary>
/// <param name="Policies">How many policies the applied set holds; 0 when the attempt failed.</param>
/// <param name="Error">Null when applied; otherwise what was wrong, as the agent logged it.</param>
/// <param name="Result">What the backend installed; null when the attempt failed.</param>
/// <param name="Failure">The kind of refusal when the inputs or the backend refused; null when applied or when reading the inputs failed.</param>
public sealed record ApplyOutcome(
    DateTimeOffset Time,
    string? PolicyVersion,
    int Policies,
    TimeSpan Duration,
    string? Error,
    ApplyResult? Result = null,
    EnforcementFailure? Failure = null)
{
    public bool Succeeded => Error is null;
}
