using System.Collections.Immutable;
using Ztap.Core.Compiler;

namespace Ztap.Enforcement;

/// <summary>
/// A way of enforcing a <see cref="PolicySet"/> on this host (eBPF, nftables, pf). Every backend
/// installs atomically, leaves enforcement in place when ztap exits, and can say exactly what it
/// would install without touching anything.
/// </summary>
public interface IEnforcer
{
    /// <summary>The backend's name as users see it: <c>ebpf</c>, <c>nftables</c>, <c>pf</c>.</summary>
    string Backend { get; }

    /// <summary>Installs the set, replacing whatever version is in force in one step.</summary>
    Task<ApplyResult> ApplyAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken);

    /// <summary>What <see cref="ApplyAsync"/> would install, computed without touching the host.</summary>
    Task<EnforcementPlan> DryRunAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Readies the backend to apply updates of <paramref name="set"/>, the set just applied, quickly:
    /// for a process that will apply again, such as the agent. A backend that needs nothing for
    /// it does nothing; enforcement is never changed.
    /// </summary>
    Task PrepareForUpdatesAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes everything the backend installed; a host with nothing installed is left as it is.</summary>
    Task<RemoveResult> RemoveAsync(CancellationToken cancellationToken);

    /// <summary>What is in force now, read from the host and the backend's state.</summary>
    Task<EnforcementStatus> StatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens the reader of the verdicts the kernel reports under <paramref name="set"/>, the set just
    /// applied (to <paramref name="attached"/>), for the flow log; a backend that reports none says so.
    /// </summary>
    Task<IFlowReader> OpenFlowReaderAsync(PolicySet set, ImmutableArray<AttachedWorkload> attached, CancellationToken cancellationToken) =>
        throw new EnforcementException(EnforcementFailure.Unsupported, $"the {Backend} backend reports no flows to read");
}
