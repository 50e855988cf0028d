using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads an <c>ipBlock</c>: a CIDR and the CIDRs carved out of it. Host bits (10.0.1.1/24) are
/// a warning in networking.k8s.io/v1, which accepts them, and an error in ztap/v1; either way
/// the model holds the network they mean.
/// </summary>
internal static class IpBlockReader
{
    private static readonly string[] Fields = ["cidr", "except"];

    public static IpBlock? Read(YamlMapping mapping, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        var errors = context.ErrorCount;
        IPNetwork? cidr = null;
        YamlSequence? exceptions = null;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "cidr":
                    cidr = ReadCidr(entry.Value, entryPath, dialect, context);
                    break;
                case "except":
                    exceptions = context.OptionalSequence(entry.Value, entryPath);
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        context.Require(mapping, "cidr", path, ", such as 10.0.0.0/16");
        var except = cidr is { } outer && exceptions is not null
            ? ReadExcept(exceptions, outer, path.Field("except"), dialect, context)
            : [];
        return errors == context.ErrorCount && cidr is { } network ? new IpBlock(network, except) : null;
    }

    private static ImmutableArray<IPNetwork> ReadExcept(
        YamlSequence sequence, IPNetwork cidr, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        var except = ImmutableArray.CreateBuilder<IPNetwork>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = path.Index(i);
            if (YamlReadContext.IsAbsent(item))
            {
                context.Error(item, itemPath, "expected a CIDR, found null");
                continue;
            }

            if (ReadCidr(item, itemPath, dialect, context) is not { } excluded)
            {
                continue;
            }

            if (excluded.BaseAddress.AddressFamily != cidr.BaseAddress.AddressFamily)
            {
                context.Error(item, itemPath, $"except {excluded} and cidr {cidr} are of different IP families");
            }
            else if (excluded.PrefixLength <= cidr.PrefixLength || !cidr.Contains(excluded.BaseAddress))
            {
                context.Error(item, itemPath, $"except {excluded} must lie strictly inside cidr {cidr}");
            }

            except.Add(excluded);
        }

        return except.DrainToImmutable();
    }

    private static IPNetwork? ReadCidr(YamlNode node, FieldPath path, PolicyDialect dialect, YamlReadContext context)
    {
        if (context.OptionalString(node, path) is not { } text)
        {
            return null;
        }

        if (!CidrSyntax.TryParse(text, out var network, out var hasHostBits, out var error))
        {
            context.Error(node, path, error!);
            return null;
        }

        if (hasHostBits)
        {
            var message = $"{text} has host bits set; it means {network}";
            if (dialect == PolicyDialect.ZtapV1)
            {
                context.Error(node, path, message);
            }
            else
            {
                context.Warning(node, path, message);
            }
        }

        return network;
    }
}
