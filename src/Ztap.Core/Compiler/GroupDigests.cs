using System.Security.Cryptography;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// A SHA-256 of each workload group's rules in both directions, which the version hashes instead of
/// the rules themselves: a set compiled from an edit hashes again only the groups the edit touched.
/// </summary>
internal sealed class GroupDigests
{
    private const int Size = SHA256.HashSizeInBytes;

    private readonly byte[] _digests;

    /// <summary>Hashes every group of the set.</summary>
    public GroupDigests(PolicySet set)
    {
        var groups = set.Compiled.Groups.All.Length;
        _digests = new byte[groups * Size];
        Hash(set, Enumerable.Range(0, groups));
    }

    private GroupDigests(byte[] digests) => _digests = digests;

    public ReadOnlySpan<byte> this[int group] => _digests.AsSpan(group * Size, Size);

    /// <summary>These digests with the given groups hashed again from the set, which shares every other group's tables.</summary>
    public GroupDigests Rehash(PolicySet set, IReadOnlyCollection<int> groups)
    {
        var edited = new GroupDigests((byte[])_digests.Clone());
        edited.Hash(set, groups);
        return edited;
    }

    private void Hash(PolicySet set, IEnumerable<int> groups)
    {
        using var digest = new DigestWriter();
        var ruleTexts = new RuleTexts(set.Rules);
        Span<byte> unisolated = stackalloc byte[Size];
        var unisolatedKnown = false;
        foreach (var group in groups)
        {
            var (ingress, egress) = (set.GroupTable(group, Direction.Ingress), set.GroupTable(group, Direction.Egress));
            var destination = _digests.AsSpan(group * Size, Size);

            // Most groups are isolated by no policy; their digest is one and the same.
            if (ingress is null && egress is null && unisolatedKnown)
            {
                unisolated.CopyTo(destination);
                continue;
            }

            PolicySetDigest.WriteRules(digest, set, ruleTexts, ingress, Direction.Ingress);
            PolicySetDigest.WriteRules(digest, set, ruleTexts, egress, Direction.Egress);
            digest.FinishInto(destination);
            if (ingress is null && egress is null)
            {
                destination.CopyTo(unisolated);
                unisolatedKnown = true;
            }
        }
    }
}
