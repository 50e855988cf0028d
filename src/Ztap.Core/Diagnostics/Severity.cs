namespace Ztap.Core.Diagnostics;

/// <summary>How serious a diagnostic is: errors make the input invalid, warnings do not.</summary>
public enum Severity
{
    Warning,
    Error,
}
