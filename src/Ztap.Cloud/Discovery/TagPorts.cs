using System.Collections.Immutable;
using System.Globalization;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Policy.Validation;

namespace Ztap.Cloud.Discovery;

/// <summary>
/// Reads an instance's named ports from its ports tag (<c>ztap:ports = http=8080,dns=53/UDP</c>),
/// so policies can name ports on instances as they do on any workload. The protocol defaults to
/// TCP. An entry that cannot be read is a warning and is left out.
/// </summary>
internal static class TagPorts
{
    public static ImmutableArray<NamedPort> Read(string instanceId, string tagKey, string value, SourceLocation origin, DiagnosticBag diagnostics)
    {
        var ports = ImmutableArray.CreateBuilder<NamedPort>();
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Parse(entry) is { } port)
            {
                ports.Add(port);
                continue;
            }

            diagnostics.Add(new Diagnostic(Severity.Warning, origin, instanceId, $"tags[{tagKey}]",
                $"'{entry}' is not a named port; write name=port or name=port/PROTOCOL ({PortNameSyntax.Rule})"));
        }

        return ports.ToImmutable();
    }

    private static NamedPort? Parse(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var name = entry[..equals];
        var rest = entry[(equals + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var number = slash < 0 ? rest : rest[..slash];
        var protocolText = slash < 0 ? "TCP" : rest[(slash + 1)..];
        if (!PortNameSyntax.IsValid(name)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535
            || !ProtocolNames.TryParse(protocolText, out var protocol) || !ProtocolNames.HasPorts(protocol))
        {
            return null;
        }

        return new NamedPort(name, port, protocol);
    }
}
