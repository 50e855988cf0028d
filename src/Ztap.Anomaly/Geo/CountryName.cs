using MaxMind.Db;

namespace Ztap.Anomaly.Geo;

/// <summary>A country inside a MaxMind record; only its ISO code is read.</summary>
internal sealed class CountryName
{
    [Constructor]
    public CountryName([MapKey("iso_code")] string? isoCode)
    {
        IsoCode = isoCode;
    }

    public string? IsoCode { get; }
}
