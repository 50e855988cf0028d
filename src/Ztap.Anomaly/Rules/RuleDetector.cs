using System.Collections.Frozen;
using System.Net;
using Ztap.Anomaly.Geo;

namespace Ztap.Anomaly.Rules;

/// <summary>
/// The seed's simple detector: flags suspicious ports, addresses in suspicious countries and unusually
/// large transfers. Stateless between flows; training only learns the volume limit when none is configured.
/// </summary>
public sealed class RuleDetector : IAnomalyDetector
{
    private readonly RuleConfig _config;
    private readonly CountryDatabase? _countries;
    private readonly FrozenSet<int> _ports;
    private readonly FrozenSet<string> _suspiciousCountries;

    /// <param name="countries">Where to look up the countries of flows that carry none; null to use only what flows carry.</param>
    public RuleDetector(RuleConfig config, CountryDatabase? countries = null)
    {
        _config = config;
        _countries = countries;
        _ports = config.SuspiciousPorts.ToFrozenSet();
        _suspiciousCountries = config.SuspiciousCountries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        MaxBytes = config.MaxBytes;
    }

    /// <summary>The volume limit in force: configured, learnt in training, or null before training when none is configured.</summary>
    public long? MaxBytes { get; private set; }

    /// <inheritdoc/>
    public void Train(IReadOnlyList<ObservedFlow> flows)
    {
        if (_config.MaxBytes is not null || flows.Count == 0)
        {
            return;
        }

        var bytes = flows.Select(f => f.Bytes).Order().ToArray();
        MaxBytes = bytes[(int)Math.Min(bytes.Length - 1, _config.VolumeQuantile * bytes.Length)];
    }

    /// <inheritdoc/>
    public AnomalyResult Detect(ObservedFlow flow)
    {
        var reasons = new List<string>(3);
        var ordinary = 1.0;
        if (_ports.Contains(flow.Port))
        {
            ordinary *= 1 - (_config.PortScore / 100);
            reasons.Add($"{flow.Source} contacted {flow.DestinationText}, a port listed as suspicious");
        }

        if (SuspiciousEnd(flow) is { } end)
        {
            ordinary *= 1 - (_config.CountryScore / 100);
            reasons.Add(end);
        }

        if (MaxBytes is { } limit && flow.Bytes > limit)
        {
            ordinary *= 1 - (_config.VolumeScore / 100);
            reasons.Add($"{flow.Source} sent {ByteSize.Format(flow.Bytes)} to {flow.DestinationText}, above the {ByteSize.Format(limit)} limit");
        }

        var score = Math.Round(100 * (1 - ordinary), 1);
        return reasons.Count == 0
            ? AnomalyResult.Ordinary(score)
            : new AnomalyResult(score, score >= _config.Threshold, string.Join("; ", reasons));
    }

    private string? SuspiciousEnd(ObservedFlow flow)
    {
        var destination = Country(flow.DestinationGeo, flow.Destination);
        if (destination is not null && _suspiciousCountries.Contains(destination))
        {
            return $"{flow.Source} contacted {flow.DestinationText} in {destination.ToUpperInvariant()}, a country listed as suspicious";
        }

        var source = Country(flow.SourceGeo, flow.Source);
        return source is not null && _suspiciousCountries.Contains(source)
            ? $"{flow.Source} in {source.ToUpperInvariant()}, a country listed as suspicious, contacted {flow.DestinationText}"
            : null;
    }

    private string? Country(string? carried, IPAddress address) =>
        string.IsNullOrEmpty(carried) ? _countries?.CountryOf(address) : carried;
}
