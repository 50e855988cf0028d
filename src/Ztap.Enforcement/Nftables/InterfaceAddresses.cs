using System.Net;
using System.Text.Json;

namespace Ztap.Enforcement.Nftables;

/// <summary>The addresses assigned to the interfaces of the network namespace, read with <c>ip -j address</c>.</summary>
internal static class InterfaceAddresses
{
    public static async Task<List<IPAddress>> ReadAsync(HostCommand host, CancellationToken cancellationToken)
    {
        var result = await host.RunAsync("ip", ["-j", "address", "show"], null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"listing this host's addresses (ip -j address show): {result.Reason}");
        }

        using var document = JsonDocument.Parse(result.Output);
        var addresses = new List<IPAddress>();
        foreach (var link in document.RootElement.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var infos))
            {
                continue;
            }

            foreach (var info in infos.EnumerateArray())
            {
                if (info.TryGetProperty("local", out var local) && IPAddress.TryParse(local.GetString(), out var address))
                {
                    addresses.Add(address);
                }
            }
        }

        return addresses;
    }
}
