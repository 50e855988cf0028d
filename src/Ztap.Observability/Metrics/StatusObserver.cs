using Ztap.Enforcement;

namespace Ztap.Observability.Metrics;

/// <summary>
/// Turns a backend's status, read from the kernel, into metric values. Flow counters come from the
/// kernel's own counters, so they are exact even when flow events are lost; as those counters start
/// again at zero with each policy version, what they had reached is carried into the exported totals.
/// </summary>
internal sealed class StatusObserver(MetricFamilies families)
{
    private readonly Dictionary<string, BackendCounts> _backends = new(StringComparer.Ordinal);
    private long _observations;

    public void Observe(EnforcementStatus status)
    {
        var backend = status.Backend;
        if (!_backends.TryGetValue(backend, out var counts))
        {
            _backends[backend] = counts = new BackendCounts();
        }

        // A status the state file cannot name (an apply stopped after switching) has no policy
        // names; its per-policy series are left as they are until a named status arrives.
        var named = status.Installed && status.PolicyVersion is not null;
        if (counts.StartsNewEpoch(status, named))
        {
            counts.RestartPolicies();
            if (named)
            {
                families.PoliciesEnforced.WithLabels(backend).Inc(status.Policies.Length);
            }
        }

        if (!status.Installed)
        {
            counts.RestartTotals();
        }

        if (named || !status.Installed)
        {
            ObservePolicies(status, counts);
        }

        ObserveTotals(status, counts);
        ObserveVersion(status, counts, named);
    }

    private void ObservePolicies(EnforcementStatus status, BackendCounts counts)
    {
        var backend = status.Backend;
        var audit = status.Mode == EnforcementMode.Audit;
        var observation = ++_observations;
        foreach (var policy in status.Policies)
        {
            var policyCounts = counts.Policy(policy.Policy);
            policyCounts.SeenIn = observation;
            policyCounts.Allowed.Observe(policy.Allowed);
            (audit ? policyCounts.Audited : policyCounts.Blocked).Observe(policy.Denied);
            var series = policyCounts.Series ??= new PolicySeries(
                families.FlowsAllowed.WithLabels(backend, policy.Policy),
                families.FlowsBlocked.WithLabels(backend, policy.Policy),
                families.FlowsAudited.WithLabels(backend, policy.Policy));
            series.Allowed.IncTo(policyCounts.Allowed.Total);
            series.Blocked.IncTo(policyCounts.Blocked.Total);
            series.Audited.IncTo(policyCounts.Audited.Total);
        }

        foreach (var (name, gone) in counts.Policies.Where(p => p.Value.Series is not null && p.Value.SeenIn != observation))
        {
            families.FlowsAllowed.RemoveLabelled(backend, name);
            families.FlowsBlocked.RemoveLabelled(backend, name);
            families.FlowsAudited.RemoveLabelled(backend, name);
            gone.Series = null;
        }
    }

    private void ObserveTotals(EnforcementStatus status, BackendCounts counts)
    {
        var backend = status.Backend;
        families.Decisions.WithLabels(backend, "allowed").IncTo(counts.Allowed.Observe(status.Totals.Allowed));
        families.Decisions.WithLabels(backend, "blocked").IncTo(counts.Blocked.Observe(status.Totals.Denied));
        families.Decisions.WithLabels(backend, "audited").IncTo(counts.Audited.Observe(status.Totals.Audited));
        families.FlowEventsLost.WithLabels(backend).IncTo(counts.EventsLost.Observe(status.Totals.EventsLost));
    }

    private void ObserveVersion(EnforcementStatus status, BackendCounts counts, bool named)
    {
        var backend = status.Backend;
        families.Installed.WithLabels(backend).Set(status.Installed ? 1 : 0);
        families.Generation.WithLabels(backend).Set(status.Generation);
        families.AttachedCgroups.WithLabels(backend).Set(status.Attached.Length);
        if (named || !status.Installed)
        {
            families.PoliciesInForce.WithLabels(backend).Set(status.Policies.Length);
            string[]? labels = named ? [backend, status.PolicyVersion!, status.Mode == EnforcementMode.Audit ? "audit" : "enforce"] : null;
            if (counts.PolicySetLabels is { } previous && (labels is null || !previous.SequenceEqual(labels)))
            {
                families.PolicySet.RemoveLabelled(previous);
            }

            if (labels is not null)
            {
                families.PolicySet.WithLabels(labels).Set(1);
            }

            counts.PolicySetLabels = labels;
        }

        if (status.AppliedAt is { } appliedAt)
        {
            families.AppliedAt.WithLabels(backend).Set(appliedAt.ToUnixTimeMilliseconds() / 1000.0);
        }

        foreach (var map in status.Maps)
        {
            families.MapEntries.WithLabels(backend, map.Name).Set(map.Entries);
            families.MapCapacity.WithLabels(backend, map.Name).Set(map.Capacity);
        }
    }
}
