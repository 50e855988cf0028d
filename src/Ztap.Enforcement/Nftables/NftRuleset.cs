using System.Collections.Immutable;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// A generated ruleset: the text <c>nft -f</c> loads in one transaction, how many elements each
/// of its maps holds, and which policy each counted rule belongs to.
/// </summary>
internal sealed record NftRuleset(string Text, ImmutableArray<MapFill> Maps, int Elements);
