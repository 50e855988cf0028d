namespace Ztap.Observability.Metrics;

/// <summary>One policy's flow counters, carried across the versions it has been part of, and its series while exported.</summary>
internal sealed class PolicyCounts
{
    public CarriedCount Allowed { get; } = new();

    public CarriedCount Blocked { get; } = new();

    public CarriedCount Audited { get; } = new();

    /// <summary>The policy's series while it is in the set in force; null once it has left.</summary>
    public PolicySeries? Series { get; set; }

    /// <summary>The number of the last status the policy was in.</summary>
    public long SeenIn { get; set; }

    public void Restart()
    {
        Allowed.Restart();
        Blocked.Restart();
        Audited.Restart();
    }
}
