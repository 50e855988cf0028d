namespace Ztap.Core.Engine;

/// <summary>What happens to a flow.</summary>
public enum Verdict
{
    Allow,
    Deny,
}
