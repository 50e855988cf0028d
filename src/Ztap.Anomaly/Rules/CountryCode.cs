namespace Ztap.Anomaly.Rules;

/// <summary>A two-letter ISO 3166-1 country code in upper case.</summary>
internal readonly record struct CountryCode(string Value);
