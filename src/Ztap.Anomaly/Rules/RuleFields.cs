using System.Collections.Immutable;
using System.Globalization;
using Ztap.Anomaly.Yaml;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Rules;

/// <summary>Applies the settings of a rule configuration mapping onto defaults, reporting each bad field.</summary>
internal sealed class RuleFields(DiagnosticBag diagnostics)
{
    public RuleConfig Apply(YamlMapping root, RuleConfig config)
    {
        foreach (var (key, value) in root.Entries)
        {
            switch (key.Value)
            {
                case "threshold":
                    config = config with { Threshold = Number(value, "threshold", 0, 100) ?? config.Threshold };
                    break;
                case "ports":
                    config = Section(value, "ports", config, (name, node, c) => name switch
                    {
                        "suspicious" => c with { SuspiciousPorts = List(node, "ports.suspicious", Port) ?? c.SuspiciousPorts },
                        "score" => c with { PortScore = Number(node, "ports.score", 0, 100) ?? c.PortScore },
                        _ => null,
                    });
                    break;
                case "countries":
                    config = Section(value, "countries", config, (name, node, c) => name switch
                    {
                        "suspicious" => c with
                        {
                            SuspiciousCountries = List(node, "countries.suspicious", Country) is { } codes
                                ? [.. codes.Select(code => code.Value)]
                                : c.SuspiciousCountries,
                        },
                        "score" => c with { CountryScore = Number(node, "countries.score", 0, 100) ?? c.CountryScore },
                        "database" => c with { GeoDatabase = Text(node, "countries.database") ?? c.GeoDatabase },
                        _ => null,
                    });
                    break;
                case "volume":
                    config = Section(value, "volume", config, (name, node, c) => name switch
                    {
                        "max_bytes" => c with { MaxBytes = (long?)Number(node, "volume.max_bytes", 1, 1e18) ?? c.MaxBytes },
                        "quantile" => c with { VolumeQuantile = Number(node, "volume.quantile", 0.5, 1) ?? c.VolumeQuantile },
                        "score" => c with { VolumeScore = Number(node, "volume.score", 0, 100) ?? c.VolumeScore },
                        _ => null,
                    });
                    break;
                default:
                    Error(key, key.Value, "unknown setting; expected threshold, ports, countries or volume");
                    break;
            }
        }

        return config;
    }

    private RuleConfig Section(YamlNode node, string path, RuleConfig config, Func<string, YamlNode, RuleConfig, RuleConfig?> apply)
    {
        if (node is not YamlMapping mapping)
        {
            Error(node, path, $"expected a mapping, found {node.Describe()}");
            return config;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (apply(key.Value, value, config) is { } applied)
            {
                config = applied;
            }
            else
            {
                Error(key, $"{path}.{key.Value}", "unknown setting");
            }
        }

        return config;
    }

    private ImmutableArray<T>? List<T>(YamlNode node, string path, Func<YamlScalar, string, T?> item)
        where T : struct
    {
        if (node is not YamlSequence sequence)
        {
            Error(node, path, $"expected a list, found {node.Describe()}");
            return null;
        }

        var items = sequence.Items.Select((n, i) => n is YamlScalar s ? item(s, $"{path}[{i}]") : Invalid<T>(n, $"{path}[{i}]")).ToList();
        return items.All(i => i is not null) ? [.. items.Select(i => i!.Value)] : null;
    }

    private int? Port(YamlScalar scalar, string path) =>
        int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : Invalid<int>(scalar, path, $"{scalar.Describe()} is not a port number from 1 to 65535");

    private CountryCode? Country(YamlScalar scalar, string path) =>
        scalar.Value.Length == 2 && scalar.Value.All(char.IsAsciiLetter)
            ? new CountryCode(scalar.Value.ToUpperInvariant())
            : Invalid<CountryCode>(scalar, path, $"{scalar.Describe()} is not a two-letter ISO country code");

    private double? Number(YamlNode node, string path, double min, double max) =>
        node is YamlScalar scalar && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max
            ? number
            : Invalid<double>(node, path, $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, found {node.Describe()}");

    private string? Text(YamlNode node, string path)
    {
        if (node is YamlScalar { Value.Length: > 0 } scalar)
        {
            return scalar.Value;
        }

        Error(node, path, $"expected a file path, found {node.Describe()}");
        return null;
    }

    private T? Invalid<T>(YamlNode node, string path, string? message = null)
        where T : struct
    {
        Error(node, path, message ?? $"expected a value, found {node.Describe()}");
        return null;
    }

    private void Error(YamlNode node, string path, string message) =>
        diagnostics.Add(new Diagnostic(Severity.Error, node.Location, null, path, message));
}
