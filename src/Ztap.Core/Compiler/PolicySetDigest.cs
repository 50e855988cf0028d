using System.Collections.Immutable;
using System.Security.Cryptography;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// The version of a policy set: a SHA-256 over its identities, prefixes and the digests of its
/// allowed entries (<see cref="GroupDigests"/>) in a canonical order, so equal content gives an
/// equal version on every machine.
/// </summary>
internal static class PolicySetDigest
{
    /// <summary>
    /// The hash of the identities and prefixes, the first part of the version, to be continued by
    /// <see cref="Compute"/>; it depends on no rule, so compilations that share them share it.
    /// </summary>
    /// <param name="byNumber">Identity positions in number order, not compilation order, so reordering the inventory leaves the version alone.</param>
    public static IncrementalHash HashAddresses(ImmutableArray<Identity> identities, int[] byNumber, ImmutableArray<PrefixEntry> prefixes)
    {
        using var digest = new DigestWriter();
        foreach (var index in byNumber)
        {
            var identity = identities[index];
            digest.Write(identity.Number);
            WriteIdentityText(digest, identity);
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

        foreach (var prefix in prefixes)
        {
            digest.Append(prefix.Prefix);
            digest.End();
            digest.Write(prefix.Identity);
        }

        return digest.Snapshot();
    }

    /// <summary>
    /// The version: the hash of the identities and prefixes continued, identity by identity in number
    /// order, over the digest of its group's rules, or, when an earlier identity of the group wrote
    /// it, that identity's number.
    /// </summary>
    public static string Compute(PolicySet set, CompiledInventory compiled, GroupDigests groupDigests)
    {
        using var digest = new DigestWriter(compiled.ResumeDigest());
        var hashedGroups = new uint[compiled.Groups.All.Length];
        foreach (var index in compiled.ByNumber)
        {
            var group = set.GroupOf(index);
            if (group < 0)
            {
                continue;
            }

            // Numbers of computed identities are never 0, so 0 marks a group not hashed yet.
            if (hashedGroups[group] != 0)
            {
                digest.Write(hashedGroups[group]);
                continue;
            }

            hashedGroups[group] = set.Identities[index].Number;
            digest.AppendBytes(groupDigests[group]);
        }

        return digest.Finish();
    }

    /// <summary>
    /// What <see cref="PolicySet.RulesOf"/> returns for the table, written straight from the table
    /// rather than through a list of entries per identity.
    /// </summary>
    public static void WriteRules(DigestWriter digest, PolicySet set, RuleTexts ruleTexts, RuleTable? table, Direction direction)
    {
        if (table is null)
        {
            digest.Write(0);
            return;
        }

        digest.Write(table.IsolatingPolicies.Length);
        foreach (var rank in table.IsolatingPolicies)
        {
            WriteQualifiedName(digest, set.PolicyOfRank(rank));
            digest.End();
        }

        foreach (var k in set.KeysByPeerNumber(table))
        {
            var (key, ports) = table.Entry(k);
            var (peer, protocol) = RuleTable.Split(key);
            var number = peer == RuleTable.AnyPeer ? 0 : set.Identities[peer].Number;
            for (var i = 0; i < ports.Count; i++)
            {
                var port = ports[i];
                digest.Write(number);
                digest.Write(protocol);
                digest.Write(port.From);
                digest.Write(port.To);
                digest.AppendBytes(ruleTexts[set.RulePosition(port.Rule, direction)]);
            }
        }

        foreach (var position in table.DistinctBlocks)
        {
            var block = table.Blocks[position];
            WriteBlock(digest, block.Block);
            digest.Write(block.Protocol);
            digest.Write(block.From);
            digest.Write(block.To);
            digest.AppendBytes(ruleTexts[set.RulePosition(block.Rule, direction)]);
        }
    }

    /// <summary>The identity as its <see cref="Identity.ToString"/> reads, without building the string.</summary>
    private static void WriteIdentityText(DigestWriter digest, Identity identity)
    {
        switch (identity.Kind)
        {
            case IdentityKind.Host:
                digest.Append("host");
                break;
            case IdentityKind.World:
                digest.Append("world");
                break;
            case IdentityKind.Cidr:
                digest.Append("cidr ");
                WriteCidr(digest, identity.Cidr);
                break;
            default:
                digest.Append(identity.Namespace);
                digest.Append(" ");
                var first = true;
                foreach (var (key, value) in identity.Labels)
                {
                    digest.Append(first ? "" : ",");
                    digest.Append(key);
                    digest.Append("=");
                    digest.Append(value);
                    first = false;
                }

                if (identity.Cidr is not null)
                {
                    digest.Append(" in ");
                    WriteCidr(digest, identity.Cidr);
                }

                break;
        }

        digest.End();
    }

    private static void WriteCidr(DigestWriter digest, System.Net.IPNetwork? cidr)
    {
        if (cidr is { } prefix)
        {
            digest.Append(prefix);
        }
    }

    /// <summary>The block as its <see cref="IpBlock.ToString"/> reads, without building the string.</summary>
    private static void WriteBlock(DigestWriter digest, IpBlock block)
    {
        digest.Append(block.Cidr);
        if (!block.Except.IsEmpty)
        {
            digest.Append(" except ");
            for (var i = 0; i < block.Except.Length; i++)
            {
                digest.Append(i == 0 ? "" : ", ");
                digest.Append(block.Except[i]);
            }
        }

        digest.End();
    }

    private static void WriteQualifiedName(DigestWriter digest, NetworkPolicy policy)
    {
        digest.Append(policy.Namespace);
        digest.Append("/");
        digest.Append(policy.Name);
    }
}
