using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads a <c>protocol</c>: in networking.k8s.io/v1 exactly TCP, UDP or SCTP as Kubernetes
/// spells them; in ztap/v1 also ICMP, in any case.
/// </summary>
internal static class ProtocolReader
{
    private static readonly string[] KubernetesProtocols = ["TCP", "UDP", "SCTP"];

    public static Protocol? Read(YamlNode node, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.OptionalString(node, path) is not { } text)
        {
            return null;
        }

        var known = ProtocolNames.TryParse(text, out var protocol);
        if (dialect == PolicyDialect.ZtapV1)
        {
            if (!known)
            {
                context.Error(node, path, $"unsupported protocol '{text}'; expected TCP, UDP, SCTP or ICMP");
                return null;
            }

            return protocol;
        }

        if (known && protocol == Protocol.Icmp)
        {
            context.Error(node, path, $"{text} is not supported by networking.k8s.io/v1; use apiVersion: ztap/v1 for ICMP rules");
            return null;
        }

        if (Array.IndexOf(KubernetesProtocols, text) < 0)
        {
            var hint = known ? $"did you mean '{ProtocolNames.Format(protocol)}'?" : "expected TCP, UDP or SCTP";
            context.Error(node, path, $"unsupported protocol '{text}'; {hint}");
            return null;
        }

        return protocol;
    }
}
