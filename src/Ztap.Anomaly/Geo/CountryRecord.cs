using MaxMind.Db;

namespace Ztap.Anomaly.Geo;

/// <summary>
/// The part of a MaxMind country record ztap reads: the country the address is in and, as a fallback,
/// the country its network is registered to. Other fields of the record are skipped.
/// </summary>
internal sealed class CountryRecord
{
    [Constructor]
    public CountryRecord([MapKey("country")] CountryName? country, [MapKey("registered_country")] CountryName? registeredCountry)
    {
        IsoCode = country?.IsoCode ?? registeredCountry?.IsoCode;
    }

    /// <summary>The two-letter ISO 3166-1 code, or null when the record has none.</summary>
    public string? IsoCode { get; }
}
