namespace Ztap.Enforcement.Nftables;

/// <summary>Addresses and ports a subject may reach (or be reached from), and the rule that allows it.</summary>
/// <param name="Rule">Index into the set's rules; where rules overlap, the lowest wins, as in the engine's explanations.</param>
internal readonly record struct AllowElement(UInt128 First, UInt128 Last, int FromPort, int ToPort, int Rule);
