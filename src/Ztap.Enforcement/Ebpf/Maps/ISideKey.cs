namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>A key of one side's entries: an identity's in one direction.</summary>
internal interface ISideKey
{
    /// <summary>The identity and direction (<see cref="Pack"/>), which compare as numbers in key order.</summary>
    ulong Side { get; }

    static ulong Pack(uint identity, byte direction) => ((ulong)identity << 8) | direction;
}
