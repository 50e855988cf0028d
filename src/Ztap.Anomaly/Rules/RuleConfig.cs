using System.Collections.Immutable;

namespace Ztap.Anomaly.Rules;

/// <summary>
/// What the rule detector flags and how strongly. Each rule that fires adds its score; scores combine
/// as independent evidence, 100 × (1 - Π(1 - score/100)), so two weak signals outweigh one.
/// </summary>
/// <param name="Threshold">The combined score at and above which a flow is an anomaly.</param>
/// <param name="SuspiciousPorts">Destination ports that are suspicious in themselves (telnet, common backdoors, IRC).</param>
/// <param name="SuspiciousCountries">ISO country codes whose addresses are suspicious at either end of a flow.</param>
/// <param name="GeoDatabase">A MaxMind-format country database for flows that carry no country; null to use only what flows carry.</param>
/// <param name="MaxBytes">Bytes above which a flow is unusually large; null to learn it in training as <paramref name="VolumeQuantile"/> of training flows.</param>
public sealed record RuleConfig(
    double Threshold,
    ImmutableArray<int> SuspiciousPorts,
    double PortScore,
    ImmutableArray<string> SuspiciousCountries,
    double CountryScore,
    string? GeoDatabase,
    long? MaxBytes,
    double VolumeQuantile,
    double VolumeScore)
{
    /// <summary>The seed's simple detector: classic backdoor and cleartext ports, sanctioned countries, volume learnt.</summary>
    public static RuleConfig Default { get; } = new(
        Threshold: 50,
        SuspiciousPorts: [23, 1337, 2323, 4444, 5555, 6667, 12345, 31337],
        PortScore: 60,
        SuspiciousCountries: ["KP", "IR", "SY", "CU"],
        CountryScore: 70,
        GeoDatabase: null,
        MaxBytes: null,
        VolumeQuantile: 0.999,
        VolumeScore: 60);
}
