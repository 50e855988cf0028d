using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Compiler;

namespace Ztap.Enforcement;

/// <summary>
/// Finds the inventory's workloads that this host is: those named by the user, or else those
/// with an address assigned to one of the host's interfaces. Enforcing with none would protect
/// nothing while looking as if it did, so that is refused.
/// </summary>
internal static class HostWorkloads
{
    public static ImmutableArray<HostWorkload> Resolve(PolicySet set, IReadOnlyCollection<IPAddress> hostAddresses, IReadOnlyList<string> named)
    {
        var workloads = set.Inventory.Workloads.Where(w => !w.Addresses.IsEmpty).ToList();
        List<Core.Inventory.Workload> found;
        if (named.Count > 0)
        {
            var unknown = named.Where(n => !workloads.Any(w => w.QualifiedName == n || w.Name == n)).ToList();
            if (unknown.Count > 0)
            {
                throw new EnforcementException(EnforcementFailure.InvalidInput, $"--workload {string.Join(", ", unknown)}: no workload of the inventory with an address has that name (use namespace/name or name)");
            }

            found = [.. workloads.Where(w => named.Contains(w.QualifiedName) || named.Contains(w.Name))];
        }
        else
        {
            var local = hostAddresses.ToHashSet();
            found = [.. workloads.Where(w => w.Addresses.Any(local.Contains))];
            if (found.Count == 0)
            {
                throw new EnforcementException(
                    EnforcementFailure.InvalidInput,
                    $"no workload of the inventory has an address on this host's interfaces ({string.Join(", ", hostAddresses)}); nothing would be protected. Name the workloads this host is with --workload");
            }
        }

        return [.. found.Select(w => new HostWorkload(w.QualifiedName, w.Addresses, [.. w.Addresses.Select(a => set.IdentityOf(a).Number)]))];
    }
}
