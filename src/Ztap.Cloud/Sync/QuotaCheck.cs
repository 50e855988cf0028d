using Ztap.Cloud.SecurityGroups;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Checks the end state of a plan against EC2's quotas, so that a plan EC2 would reject half way is
/// refused before its first call. Rules are counted as AWS counts them: per direction and address
/// family, with a group reference counting in both families.
/// </summary>
internal static class QuotaCheck
{
    public static IEnumerable<string> GroupProblems(DesiredGroup group, SyncLimits limits)
    {
        foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
        {
            var rules = group.Rules.Where(r => r.Direction == direction).ToArray();
            var ipv4 = rules.Count(r => !r.Peer.IsIPv6);
            var ipv6 = rules.Count(r => r.Peer.IsIPv6 || r.Peer.Cidr is null);
            var most = Math.Max(ipv4, ipv6);
            if (most > limits.RulesPerGroup)
            {
                var side = direction == Direction.Ingress ? "inbound" : "outbound";
                yield return $"group {group.Name} in {group.Key.VpcId} needs {most} {side} rules; the quota is {limits.RulesPerGroup} "
                    + "(fewer distinct peers or ports in the policy, or a raised quota passed with --max-rules-per-group)";
            }
        }
    }

    public static string? InterfaceProblem(string instanceId, string interfaceId, int groups, SyncLimits limits) =>
        groups <= limits.GroupsPerInterface
            ? null
            : $"instance {instanceId} interface {interfaceId} would have {groups} security groups; the quota is {limits.GroupsPerInterface} "
              + "(fewer policies selecting it, or a raised quota passed with --max-groups-per-interface)";
}
