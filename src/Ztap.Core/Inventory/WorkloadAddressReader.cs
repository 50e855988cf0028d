using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Net;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>Reads a workload's <c>ips</c>: IPv4 and IPv6 addresses, each written once.</summary>
internal static class WorkloadAddressReader
{
    /// <summary>The valid addresses, in order: when nothing is reported, one for each item of the list.</summary>
    public static ImmutableArray<IPAddress> Read(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        // Filled in place and handed over without a copy: a workload has an address or two, and there are many workloads.
        var addresses = new IPAddress[sequence.Items.Count];
        var count = 0;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = path.Index(i);
            if (YamlReadContext.IsAbsent(item))
            {
                context.Error(item, itemPath, "expected an IP address, found null");
            }
            else if (context.OptionalString(item, itemPath) is { } text)
            {
                if (!IpAddressSyntax.TryParse(text, out var address))
                {
                    context.Error(item, itemPath, $"'{text}' is not an IP address such as 10.0.1.1 or fd00::1");
                }
                else if (addresses.AsSpan(0, count).Contains(address))
                {
                    context.Error(item, itemPath, $"{address} is listed twice");
                }
                else
                {
                    addresses[count++] = address;
                }
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(count == addresses.Length ? addresses : addresses[..count]);
    }
}
