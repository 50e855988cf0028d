using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// The identities an ipBlock peer covers, computed once per block: the datapath keys every policy
/// entry by peer identity, so a block becomes one entry per identity inside it.
/// </summary>
internal sealed class BlockPeers(PolicySet set)
{
    private readonly Dictionary<IpBlock, ImmutableArray<uint>> _identities = new(ReferenceEqualityComparer.Instance);

    public ImmutableArray<uint> IdentitiesIn(IpBlock block)
    {
        if (!_identities.TryGetValue(block, out var identities))
        {
            identities = set.IdentitiesIn(block);
            _identities.Add(block, identities);
        }

        return identities;
    }
}
