namespace Ztap.Enforcement.Nftables;

/// <summary>A run of addresses of one family, as integers (IPv4 in the low 32 bits), both ends included.</summary>
internal readonly record struct AddressRange(bool IsV4, UInt128 First, UInt128 Last)
{
    public static UInt128 MaxOf(bool isV4) => isV4 ? uint.MaxValue : UInt128.MaxValue;

    public static AddressRange Everything(bool isV4) => new(isV4, 0, MaxOf(isV4));
}
