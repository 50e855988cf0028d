namespace Ztap.Enforcement;

/// <summary>Whether denials are enforced or only recorded.</summary>
public enum EnforcementMode
{
    /// <summary>Denied flows are dropped.</summary>
    Enforce,

    /// <summary>Everything passes; flows that would be denied are recorded as such, for safe roll-outs.</summary>
    Audit,
}
