using System.Collections.Immutable;

namespace Ztap.Enforcement.Nftables;

/// <summary>A generated ruleset: the text <c>nft -f</c> loads in one transaction, and how many elements each of its maps holds.</summary>
internal sealed record NftRuleset(string Text, ImmutableArray<MapFill> Maps);
