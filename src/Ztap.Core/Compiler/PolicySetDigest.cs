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

        foreach (var identity in set.Identities.OrderBy(i => i.Number))
        {
            Write(identity.Number);
            WriteText(identity.ToString());
            WriteText(string.Join(',', identity.NamedPorts.Select(p => $"{p.Name}:{p.Protocol}:{p.Port}")));
        }

        foreach (var prefix in set.Prefixes)
        {
            WriteText(prefix.Prefix.ToString());
            Write(prefix.Identity);
        }

        foreach (var identity in set.Identities.OrderBy(i => i.Number))
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                var rules = set.RulesOf(identity, direction);
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
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
