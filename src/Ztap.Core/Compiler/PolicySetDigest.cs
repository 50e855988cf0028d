using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var number = new byte[8];
        void Write(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            hash.AppendData(number);
        }

        void WriteText(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        // Number order, not compilation order, so reordering the inventory leaves the version alone.
        var byNumber = Enumerable.Range(0, set.Identities.Length).OrderBy(i => set.Identities[i].Number).ToArray();
        foreach (var identity in byNumber.Select(i => set.Identities[i]))
        {
            Write(identity.Number);
            WriteText(identity.ToString());
            WriteText(string.Join(',', identity.NamedPorts.Select(p => $"{p.Name}:{p.Protocol}:{p.Port}")));
        }

        void WriteRules(SubjectRules rules)
        {
            Write(rules.IsolatingPolicies.Length);
            foreach (var policy in rules.IsolatingPolicies)
            {
                WriteText(policy.QualifiedName);
            }

            foreach (var entry in rules.Entries)
            {
                Write(entry.Peer ?? 0);
                Write((long?)entry.Protocol ?? 0);
                Write(entry.FromPort);
                Write(entry.ToPort);
                WriteText(entry.Rule.ToString());
            }

            foreach (var block in rules.Blocks)
            {
                WriteText(block.Block.ToString());
                Write((long?)block.Protocol ?? 0);
                Write(block.FromPort);
                Write(block.ToPort);
                WriteText(block.Rule.ToString());
            }
        }

        foreach (var prefix in set.Prefixes)
        {
            WriteText(prefix.Prefix.ToString());
            Write(prefix.Identity);
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
                Write(first);
                continue;
            }

            hashedGroups.Add(group, set.Identities[index].Number);
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                WriteRules(set.RulesOf(set.Identities[index], direction));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
