using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Text.RegularExpressions;
using Ztap.Core.Compiler;

namespace Ztap.Enforcement.Pf;

/// <summary>
/// Enforces a policy set with macOS's pf: the rules and tables of the anchor <c>ztap</c>, written to
/// its file and loaded with <c>pfctl -a ztap -f</c>, which swaps the anchor in one step. On other
/// systems it only generates the anchor (dry run).
/// </summary>
public sealed partial class PfEnforcer(PfLocation location) : IEnforcer
{
    private readonly HostCommand _host = new(null);

    public string Backend => "pf";

    private string StatePath => Path.Join(location.StateDirectory, "pf-state.json");

    public async Task<ApplyResult> ApplyAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        RequireMacOs();
        var hosts = Hosts(set, options);
        using var exclusive = BackendLock.Acquire(location.StateDirectory, Backend);
        var previous = await ReadStateAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(location.AnchorPath)!);
        await File.WriteAllTextAsync(location.AnchorPath, PfAnchorWriter.Write(set, hosts, options.Mode), cancellationToken);
        await PfctlAsync(["-a", PfLocation.Anchor, "-f", location.AnchorPath], "loading the anchor", cancellationToken);
        if (PfConf.Reference(location))
        {
            await PfctlAsync(["-f", location.PfConfPath], $"reloading {location.PfConfPath} with the ztap anchor referenced", cancellationToken);
        }

        var token = previous?.Token ?? await EnableAsync(cancellationToken);
        var generation = (previous?.Generation ?? 0) + 1;
        var attached = hosts.Select(h => h.Attached).ToImmutableArray();
        var policyIndex = set.Policies.Select((policy, index) => KeyValuePair.Create(policy, index)).ToDictionary(ReferenceEqualityComparer.Instance);
        var state = new PfState(
            set.Version,
            generation,
            DateTimeOffset.UtcNow,
            options.Mode,
            token,
            attached,
            [.. set.Identities.Select(i => new IdentitySummary(i.Number, i.ToString()))],
            [.. set.Policies.Select(p => p.QualifiedName)],
            [.. set.Rules.Select(r => policyIndex[r.Policy])]);
        await StateFile.ReplaceAsync(StatePath, state, PfStateJson.Default.PfState, cancellationToken);
        var now = attached.Select(a => a.Workload).ToHashSet();
        return new ApplyResult(Backend, set.Version, generation, options.Mode, attached, [.. (previous?.Attached ?? []).Where(a => !now.Contains(a.Workload))]);
    }

    public Task<EnforcementPlan> DryRunAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(new EnforcementPlan(Backend, set.Version, []) { Ruleset = PfAnchorWriter.Write(set, Hosts(set, options), options.Mode) });

    public async Task<RemoveResult> RemoveAsync(CancellationToken cancellationToken)
    {
        RequireMacOs();
        using var exclusive = BackendLock.Acquire(location.StateDirectory, Backend);
        var state = await ReadStateAsync(cancellationToken);
        var installed = File.Exists(location.AnchorPath);
        await PfctlAsync(["-a", PfLocation.Anchor, "-F", "all"], "flushing the anchor", cancellationToken);
        if (PfConf.Unreference(location))
        {
            await PfctlAsync(["-f", location.PfConfPath], $"reloading {location.PfConfPath} without the ztap anchor", cancellationToken);
        }

        if (state?.Token is { } token)
        {
            // Releasing the reference disables pf only if nobody else holds one.
            await PfctlAsync(["-X", token], "releasing ztap's reference on pf", cancellationToken);
        }

        File.Delete(location.AnchorPath);
        File.Delete(StatePath);
        return new RemoveResult(Backend, installed, []);
    }

    public async Task<EnforcementStatus> StatusAsync(CancellationToken cancellationToken)
    {
        RequireMacOs();
        var state = await ReadStateAsync(cancellationToken);
        if (state is null)
        {
            return new EnforcementStatus(Backend, false, null, 0, null, EnforcementMode.Enforce, [], [], [], [], new VerdictTotals(0, 0, 0, 0));
        }

        var labels = await PfctlAsync(["-a", PfLocation.Anchor, "-s", "labels"], "reading the anchor's counters", cancellationToken);
        var allowed = new Dictionary<int, (ulong Packets, ulong Bytes)>();
        var denied = new Dictionary<int, (ulong Packets, ulong Bytes)>();
        foreach (Match match in LabelLine().Matches(labels))
        {
            var target = match.Groups["kind"].Value == "allow" ? allowed : denied;
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            var (packets, bytes) = target.GetValueOrDefault(index);
            target[index] = (packets + ulong.Parse(match.Groups["packets"].Value, CultureInfo.InvariantCulture), bytes + ulong.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture));
        }

        var policies = state.Policies.Select((name, index) =>
        {
            var mine = allowed.Where(a => a.Key < state.RulePolicies.Length && state.RulePolicies[a.Key] == index).Select(a => a.Value).ToList();
            var no = denied.GetValueOrDefault(index);
            return new PolicyCounters(name, Sum(mine.Select(m => m.Packets)), Sum(mine.Select(m => m.Bytes)), no.Packets, no.Bytes);
        }).ToImmutableArray();
        var deniedTotal = Sum(denied.Values.Select(d => d.Packets));
        return new EnforcementStatus(
            Backend, true, state.PolicyVersion, state.Generation, state.AppliedAt, state.Mode, state.Attached, state.Identities, [], policies,
            new VerdictTotals(Sum(allowed.Values.Select(a => a.Packets)), state.Mode == EnforcementMode.Enforce ? deniedTotal : 0, state.Mode == EnforcementMode.Audit ? deniedTotal : 0, 0));
    }

    private static ImmutableArray<HostWorkload> Hosts(PolicySet set, EnforcementOptions options)
    {
        var addresses = options.Workloads.IsEmpty
            ? NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList()
            : new List<IPAddress>();
        return HostWorkloads.Resolve(set, addresses, options.Workloads);
    }

    private static void RequireMacOs()
    {
        if (!OperatingSystem.IsMacOS())
        {
            throw new EnforcementException(EnforcementFailure.Unsupported, "pf is macOS's packet filter: on this system the pf backend only generates its anchor (use --dry-run)");
        }
    }

    /// <summary>Enables pf with a reference of ztap's own and returns its token.</summary>
    private async Task<string> EnableAsync(CancellationToken cancellationToken)
    {
        var result = await _host.RunAsync("pfctl", ["-E"], null, cancellationToken);
        var token = TokenLine().Match(result.Output + result.Errors);
        return result.ExitCode == 0 && token.Success
            ? token.Groups["token"].Value
            : throw new EnforcementException(EnforcementFailure.KernelError, $"enabling pf (pfctl -E): {result.Reason}");
    }

    private async Task<string> PfctlAsync(string[] arguments, string doing, CancellationToken cancellationToken)
    {
        var result = await _host.RunAsync("pfctl", arguments, null, cancellationToken);
        return result.ExitCode == 0
            ? result.Output
            : throw new EnforcementException(EnforcementFailure.KernelError, $"{doing} (pfctl {string.Join(' ', arguments)}): {result.Reason}");
    }

    private Task<PfState?> ReadStateAsync(CancellationToken cancellationToken) =>
        StateFile.ReadAsync(StatePath, PfStateJson.Default.PfState, cancellationToken);

    private static ulong Sum(IEnumerable<ulong> values) => values.Aggregate(0UL, (sum, v) => sum + v);

    // pfctl -s labels: "LABEL evaluations packets bytes in-packets in-bytes out-packets out-bytes states".
    [GeneratedRegex(@"^ztap-(?<kind>allow|deny)-(?<index>\d+) \d+ (?<packets>\d+) (?<bytes>\d+)", RegexOptions.Multiline)]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"Token\s*:\s*(?<token>\d+)")]
    private static partial Regex TokenLine();
}
