namespace Ztap.Observability.Metrics;

/// <summary>One policy's flow counters, carried across the versions it has been part of.</summary>
internal sealed class PolicyCounts
{
    public CarriedCount Allowed { get; } = new();

    public CarriedCount Blocked { get; } = new();

    public CarriedCount Audited { get; } = new();

    public void Restart()
    {
        Allowed.Restart();
        Blocked.Restart();
        Audited.Restart();
    }
}
