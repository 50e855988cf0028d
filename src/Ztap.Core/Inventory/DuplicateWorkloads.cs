using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Inventory;

/// <summary>
/// Keeps workload names and addresses unique when workloads come from several places (a file and
/// a cloud, or two VPCs with overlapping ranges): the first wins, and every later one is an error
/// pointing back at it, because an address must mean one workload for a policy to mean one thing.
/// </summary>
public static class DuplicateWorkloads
{
    /// <summary>The workloads in order without those whose name or an address was taken, which are reported.</summary>
    public static ImmutableArray<Workload> Remove(IEnumerable<Workload> workloads, DiagnosticBag diagnostics)
    {
        var names = new HashSet<Workload>(WorkloadNameComparer.Instance);
        var addresses = new Dictionary<IPAddress, Workload>();
        var kept = ImmutableArray.CreateBuilder<Workload>();
        foreach (var workload in workloads)
        {
            var clash = names.TryGetValue(workload, out var sameName)
                ? $"workload {workload.QualifiedName} is defined twice; the first definition is at {sameName.Origin}"
                : workload.Addresses.FirstOrDefault(addresses.ContainsKey) is { } address
                    ? $"address {address} of {workload.QualifiedName} already belongs to {addresses[address].QualifiedName} ({addresses[address].Origin})"
                    : null;
            if (clash is not null)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, workload.Origin, workload.QualifiedName, "", clash));
                continue;
            }

            names.Add(workload);
            foreach (var own in workload.Addresses)
            {
                addresses.TryAdd(own, workload);
            }

            kept.Add(workload);
        }

        return kept.DrainToImmutable();
    }
}
