namespace Ztap.Core.Compiler;

/// <summary>
/// The peers of a rule after resolution: the identities its selectors pick, and its ipBlocks with
/// the cell ranges they cover. ipBlocks stay blocks rather than lists of identities, so a rule to
/// <c>0.0.0.0/0</c> costs one entry, not one per prefix in the estate.
/// </summary>
internal sealed record ResolvedPeers(int[] Identities, (Policy.IpBlock Block, List<(int Start, int End)> Cells)[] Blocks);
