using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Kernel;

namespace Ztap.Enforcement.Ebpf;

/// <summary>A workload of the inventory that runs on this host, resolved to its cgroup and identity.</summary>
internal sealed record LocalSubject(AttachedWorkload Workload, CgroupDirectory Cgroup, ImmutableArray<uint> Identities)
{
    public SubjectEntry Entry => new(Cgroup.Id, Workload.Identity, Identities);

    /// <summary>
    /// The inventory's workloads with a cgroup. Each must have an address (its identity comes from
    /// it) and an existing cgroup; the root cgroup only with whole-host enforcement.
    /// </summary>
    public static List<LocalSubject> Resolve(PolicySet set, string cgroup2Mount, bool wholeHost)
    {
        var problems = new List<string>();
        var subjects = new List<LocalSubject>();
        foreach (var workload in set.Inventory.WithCgroup)
        {
            if (workload.Addresses.IsEmpty)
            {
                problems.Add($"{workload.QualifiedName}: a workload with a cgroup needs an address, which gives it its identity");
                continue;
            }

            CgroupDirectory cgroup;
            try
            {
                cgroup = CgroupDirectory.Resolve(cgroup2Mount, workload.Cgroup!);
            }
            catch (EnforcementException e)
            {
                problems.Add($"{workload.QualifiedName}: {e.Message}");
                continue;
            }

            if (cgroup.IsRoot(cgroup2Mount) && !wholeHost)
            {
                problems.Add($"{workload.QualifiedName}: cgroup {workload.Cgroup} is the root cgroup, which would filter the whole host; ask for it with --whole-host");
                continue;
            }

            var identity = set.IdentityOf(workload.Addresses[0]).Number;
            subjects.Add(new LocalSubject(
                new AttachedWorkload(workload.QualifiedName, cgroup.Path, cgroup.Id, identity),
                cgroup,
                [.. workload.Addresses.Select(a => set.IdentityOf(a).Number)]));
        }

        foreach (var shared in subjects.GroupBy(s => s.Cgroup.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"cgroup {shared.First().Cgroup.Path} is given to several workloads: {string.Join(", ", shared.Select(s => s.Workload.Workload))}");
        }

        return problems.Count == 0
            ? subjects
            : throw new EnforcementException(EnforcementFailure.InvalidInput, string.Join("\n", problems));
    }
}
