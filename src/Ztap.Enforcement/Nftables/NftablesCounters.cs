using System.Globalization;
using System.Text.Json;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// The table's named counters, read with <c>nft -j list counters table inet ztap</c>: packets and
/// bytes allowed per rule index and denied per policy index, and the denied packets the log's rate
/// limit kept from the flow log. Null when the table does not exist.
/// </summary>
internal sealed record NftablesCounters(Dictionary<int, (ulong Packets, ulong Bytes)> Allowed, Dictionary<int, (ulong Packets, ulong Bytes)> Denied, ulong Suppressed)
{
    private const string AllowedPrefix = "allowed_by_rule_";
    private const string DeniedPrefix = "denied_by_policy_";

    public static async Task<NftablesCounters?> ReadAsync(HostCommand host, CancellationToken cancellationToken)
    {
        var tables = await host.RunAsync("nft", ["list", "tables", "inet"], null, cancellationToken);
        if (tables.ExitCode != 0)
        {
            throw new EnforcementException(EnforcementFailure.NotPermitted, $"listing nftables tables: {tables.Reason}");
        }

        if (!tables.Output.Split('\n').Contains($"table inet {NftRulesetWriter.Table}"))
        {
            return null;
        }

        var result = await host.RunAsync("nft", ["-j", "list", "counters", "table", "inet", NftRulesetWriter.Table], null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"reading the counters of table inet {NftRulesetWriter.Table}: {result.Reason}");
        }

        Dictionary<int, (ulong Packets, ulong Bytes)> allowed = [];
        Dictionary<int, (ulong Packets, ulong Bytes)> denied = [];
        ulong suppressed = 0;
        using var document = JsonDocument.Parse(result.Output);
        foreach (var item in document.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (!item.TryGetProperty("counter", out var counter))
            {
                continue;
            }

            var name = counter.GetProperty("name").GetString() ?? "";
            var value = (counter.GetProperty("packets").GetUInt64(), counter.GetProperty("bytes").GetUInt64());
            if (name.StartsWith(AllowedPrefix, StringComparison.Ordinal))
            {
                allowed[int.Parse(name.AsSpan(AllowedPrefix.Length), CultureInfo.InvariantCulture)] = value;
            }
            else if (name.StartsWith(DeniedPrefix, StringComparison.Ordinal))
            {
                denied[int.Parse(name.AsSpan(DeniedPrefix.Length), CultureInfo.InvariantCulture)] = value;
            }
            else if (name == NftRulesetWriter.SuppressedCounter)
            {
                suppressed = value.Item1;
            }
        }

        return new NftablesCounters(allowed, denied, suppressed);
    }
}
