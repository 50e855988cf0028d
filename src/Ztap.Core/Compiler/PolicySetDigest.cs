using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// The version of a policy set: a SHA-256 over its identities, prefixes and allowed entries in a
/// canonical order, so equal content gives an equal version on every machine.
/// </summary>
internal static class PolicySetDigest
{
    public static string Compute(PolicySet set)
    {
        using var digest = new DigestWriter();

        // Number order, not compilation order, so reordering the inventory leaves the version alone.
        var numbers = new uint[set.Identities.Length];
        var byNumber = new int[set.Identities.Length];
        for (var i = 0; i < byNumber.Length; i++)
        {
            numbers[i] = set.Identities[i].Number;
            byNumber[i] = i;
        }

        Array.Sort(numbers, byNumber);
        foreach (var index in byNumber)
        {
            var identity = set.Identities[index];
            digest.Write(identity.Number);
            digest.WriteText(identity.ToString());
            for (var p = 0; p < identity.NamedPorts.Length; p++)
            {
                var port = identity.NamedPorts[p];
                digest.Append(p == 0 ? "" : ",");
                digest.Append(port.Name);
                digest.Append(":");
                digest.Append(port.Protocol.ToString());
                digest.Append(":");
                digest.Append(port.Port);
            }

            digest.End();
        }

        foreach (var prefix in set.Prefixes)
        {
            digest.Append(prefix.Prefix);
            digest.End();
            digest.Write(prefix.Identity);
        }

        // Identities of one workload group share their rules: hash them once, then refer to them.
        var hashedGroups = new Dictionary<int, uint>();
        foreach (var index in byNumber)
        {
            var group = set.GroupOf(index);
            if (group < 0)
            {
                continue;
            }

            if (hashedGroups.TryGetValue(group, out var first))
            {
                digest.Write(first);
                continue;
            }

            hashedGroups.Add(group, set.Identities[index].Number);
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                WriteRules(digest, set.RulesOf(set.Identities[index], direction));
            }
        }

        return digest.Finish();
    }

    private static void WriteRules(DigestWriter digest, SubjectRules rules)
    {
        digest.Write(rules.IsolatingPolicies.Length);
        foreach (var policy in rules.IsolatingPolicies)
        {
            WriteQualifiedName(digest, policy);
            digest.End();
        }

        foreach (var entry in rules.Entries)
        {
            digest.Write(entry.Peer ?? 0);
            digest.Write((long?)entry.Protocol ?? 0);
            digest.Write(entry.FromPort);
            digest.Write(entry.ToPort);
            WriteRule(digest, entry.Rule);
        }

        foreach (var block in rules.Blocks)
        {
            digest.WriteText(block.Block.ToString());
            digest.Write((long?)block.Protocol ?? 0);
            digest.Write(block.FromPort);
            digest.Write(block.ToPort);
            WriteRule(digest, block.Rule);
        }
    }

    /// <summary>The rule as its <see cref="RuleReference.ToString"/> reads, without building the string.</summary>
    private static void WriteRule(DigestWriter digest, RuleReference rule)
    {
        WriteQualifiedName(digest, rule.Policy);
        digest.Append(rule.Direction == Direction.Ingress ? " spec.ingress[" : " spec.egress[");
        digest.Append(rule.RuleIndex);
        digest.Append("]");
        digest.End();
    }

    private static void WriteQualifiedName(DigestWriter digest, NetworkPolicy policy)
    {
        digest.Append(policy.Namespace);
        digest.Append("/");
        digest.Append(policy.Name);
    }
}
