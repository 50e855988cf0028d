using Ztap.Enforcement;

namespace Ztap.Observability.Metrics;

/// <summary>
/// What the metrics remember about one backend between two readings of its status: the version
/// last seen in force and every kernel counter carried so far. Policies that left the set keep
/// their totals here, so a policy that comes back continues from where it stopped.
/// </summary>
internal sealed class BackendCounts
{
    private readonly Dictionary<string, PolicyCounts> _policies = new(StringComparer.Ordinal);

    private (bool Installed, long Generation, DateTimeOffset? AppliedAt)? _epoch;

    /// <summary>Every policy seen so far, in the set in force or not.</summary>
    public IReadOnlyDictionary<string, PolicyCounts> Policies => _policies;

    /// <summary>The labels of the exported policy set info series, if any.</summary>
    public string[]? PolicySetLabels { get; set; }

    public CarriedCount Allowed { get; } = new();

    public CarriedCount Blocked { get; } = new();

    public CarriedCount Audited { get; } = new();

    public CarriedCount EventsLost { get; } = new();

    public PolicyCounts Policy(string name)
    {
        if (!_policies.TryGetValue(name, out var counts))
        {
            _policies[name] = counts = new PolicyCounts();
        }

        return counts;
    }

    public void RestartPolicies()
    {
        foreach (var counts in _policies.Values)
        {
            counts.Restart();
        }
    }

    public void RestartTotals()
    {
        Allowed.Restart();
        Blocked.Restart();
        Audited.Restart();
        EventsLost.Restart();
    }

    /// <summary>
    /// Whether the kernel's per-policy counters started again since the last status: another
    /// generation, or another apply time (a removed and reinstalled datapath counts generations
    /// from 1 again). A status without names (an apply stopped after switching) has no apply time,
    /// so only its generation is compared.
    /// </summary>
    public bool StartsNewEpoch(EnforcementStatus status, bool named)
    {
        var changed = _epoch is not { } epoch
            || epoch.Installed != status.Installed
            || epoch.Generation != status.Generation
            || (named && epoch.AppliedAt != status.AppliedAt);
        _epoch = (status.Installed, status.Generation, named ? status.AppliedAt : _epoch?.AppliedAt);
        return changed;
    }
}
