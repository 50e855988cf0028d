using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Nftables.Nflog;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// Enforces a policy set on a Linux host whose workloads are the whole machine (or network
/// namespace): one nftables table of ztap's own, generated as text and loaded with one
/// <c>nft -f</c>, so every version replaces the last in a single transaction and other tables
/// are never touched.
/// </summary>
public sealed class NftablesEnforcer(NftablesLocation location) : IEnforcer
{
    private readonly HostCommand _host = new(location.NetworkNamespace);
    private readonly NftablesStateStore _store = new(location.StateDirectory);

    public string Backend => "nftables";

    public async Task<ApplyResult> ApplyAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        var (hosts, ruleset) = await GenerateAsync(set, options, cancellationToken);
        using var exclusive = BackendLock.Acquire(location.StateDirectory, Backend);
        var previous = await _store.ReadAsync(cancellationToken);
        var loaded = await _host.RunAsync("nft", ["-f", "/dev/stdin"], ruleset.Text, cancellationToken);
        if (loaded.ExitCode != 0)
        {
            var failure = loaded.Errors.Contains("Operation not permitted", StringComparison.Ordinal) ? EnforcementFailure.NotPermitted : EnforcementFailure.KernelError;
            throw new EnforcementException(failure, $"loading table inet {NftRulesetWriter.Table} with nft -f (nothing was changed): {loaded.Reason}");
        }

        var generation = (previous?.Generation ?? 0) + 1;
        var attached = hosts.Select(h => h.Attached).ToImmutableArray();
        var policyIndex = set.Policies.Select((policy, index) => KeyValuePair.Create(policy, index)).ToDictionary(ReferenceEqualityComparer.Instance);
        await _store.WriteAsync(
            new NftablesState(
                set.Version,
                generation,
                DateTimeOffset.UtcNow,
                options.Mode,
                attached,
                [.. set.Identities.Select(i => new IdentitySummary(i.Number, i.ToString()))],
                [.. set.Policies.Select(p => p.QualifiedName)],
                [.. set.Rules.Select(r => policyIndex[r.Policy])],
                ruleset.Maps,
                options.LogDenied),
            cancellationToken);

        var now = attached.Select(a => a.Workload).ToHashSet();
        return new ApplyResult(Backend, set.Version, generation, options.Mode, attached, [.. (previous?.Attached ?? []).Where(a => !now.Contains(a.Workload))]);
    }

    public async Task<EnforcementPlan> DryRunAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        var (_, ruleset) = await GenerateAsync(set, options, cancellationToken);
        return new EnforcementPlan(Backend, set.Version, []) { Ruleset = ruleset.Text };
    }

    public async Task<RemoveResult> RemoveAsync(CancellationToken cancellationToken)
    {
        using var exclusive = BackendLock.Acquire(location.StateDirectory, Backend);
        var installed = await NftablesCounters.ReadAsync(_host, cancellationToken) is not null;
        if (installed)
        {
            var removed = await _host.RunAsync("nft", ["delete", "table", "inet", NftRulesetWriter.Table], null, cancellationToken);
            if (removed.ExitCode != 0)
            {
                throw new EnforcementException(EnforcementFailure.KernelError, $"deleting table inet {NftRulesetWriter.Table}: {removed.Reason}");
            }
        }

        _store.Clear();
        return new RemoveResult(Backend, installed, []);
    }

    public async Task<EnforcementStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var counters = await NftablesCounters.ReadAsync(_host, cancellationToken);
        var state = await _store.ReadAsync(cancellationToken);
        if (counters is null || state is null)
        {
            return new EnforcementStatus(Backend, counters is not null, null, 0, null, EnforcementMode.Enforce, [], [], [], [], new VerdictTotals(0, 0, 0, 0));
        }

        var policies = state.Policies.Select((name, index) =>
        {
            var allowed = counters.Allowed.Where(c => c.Key < state.RulePolicies.Length && state.RulePolicies[c.Key] == index).Select(c => c.Value).ToList();
            var denied = counters.Denied.GetValueOrDefault(index);
            return new PolicyCounters(name, Sum(allowed, a => a.Packets), Sum(allowed, a => a.Bytes), denied.Packets, denied.Bytes);
        }).ToImmutableArray();
        var deniedTotal = Sum(counters.Denied.Values, d => d.Packets);
        var totals = new VerdictTotals(
            Sum(counters.Allowed.Values, a => a.Packets),
            state.Mode == EnforcementMode.Enforce ? deniedTotal : 0,
            state.Mode == EnforcementMode.Audit ? deniedTotal : 0,
            counters.Suppressed);
        return new EnforcementStatus(Backend, true, state.PolicyVersion, state.Generation, state.AppliedAt, state.Mode, state.Attached, state.Identities, state.Maps, policies, totals);
    }

    /// <summary>Reads the denied packets the table logs; only a table applied with <see cref="EnforcementOptions.LogDenied"/> logs any.</summary>
    public async Task<IFlowReader> OpenFlowReaderAsync(PolicySet set, ImmutableArray<AttachedWorkload> attached, CancellationToken cancellationToken)
    {
        var state = await _store.ReadAsync(cancellationToken);
        if (state?.LogDenied is not { } log)
        {
            throw new EnforcementException(EnforcementFailure.InvalidInput, "the nftables table in force logs no denied packets: enforce with --log-denied to feed the flow log");
        }

        return new NflogFlowReader(location, set, log);
    }

    private async Task<(ImmutableArray<HostWorkload> Hosts, NftRuleset Ruleset)> GenerateAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        var addresses = options.Workloads.IsEmpty ? await InterfaceAddresses.ReadAsync(_host, cancellationToken) : [];
        var hosts = HostWorkloads.Resolve(set, addresses, options.Workloads);
        return (hosts, NftRulesetWriter.Write(set, hosts, options.Mode, options.LogDenied));
    }

    private static ulong Sum<T>(IEnumerable<T> values, Func<T, ulong> select) => values.Aggregate(0UL, (sum, v) => sum + select(v));
}
