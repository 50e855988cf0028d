using System.Collections.Immutable;
using Amazon.EC2.Model;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy.Validation;

namespace Ztap.Cloud.Discovery;

/// <summary>
/// Reads an instance's namespace, labels and named ports from its tags. A tag that cannot be a label is reported
/// as a warning naming the instance and the tag, never dropped silently, because a policy that
/// silently stops selecting an instance is the worst kind of surprise. Tags starting with
/// <c>aws:</c> are AWS's own (CloudFormation, Auto Scaling) and are not labels.
/// </summary>
internal static class TagLabels
{
    public static InstanceTags Read(
        string instanceId, IEnumerable<Tag> tags, DiscoveryOptions options, SourceLocation origin, DiagnosticBag diagnostics)
    {
        var @namespace = options.DefaultNamespace;
        ImmutableArray<NamedPort> ports = [];
        var labels = new Dictionary<string, (string Value, bool Prefixed)>(StringComparer.Ordinal);
        foreach (var tag in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var value = tag.Value ?? "";
            if (tag.Key == options.NamespaceTag)
            {
                if (Dns1123.IsLabel(value))
                {
                    @namespace = value;
                }
                else
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, origin, instanceId, $"tags[{tag.Key}]",
                        $"'{value}' is not a namespace name: {Dns1123.LabelRule}"));
                }

                continue;
            }

            if (tag.Key == options.PortsTag)
            {
                ports = TagPorts.Read(instanceId, tag.Key, value, origin, diagnostics);
                continue;
            }

            if (tag.Key.StartsWith("aws:", StringComparison.Ordinal))
            {
                continue;
            }

            var prefixed = options.TagPrefix.Length > 0 && tag.Key.StartsWith(options.TagPrefix, StringComparison.Ordinal);
            var key = prefixed ? tag.Key[options.TagPrefix.Length..] : tag.Key;
            var problem = LabelSyntax.KeyError(key) is { } keyError
                ? $"tag key '{tag.Key}' is not a label key ({keyError}); it is not used as a label"
                : LabelSyntax.ValueError(value) is { } valueError
                    ? $"tag value '{value}' is not a label value ({valueError}); tag {tag.Key} is not used as a label"
                    : null;
            if (problem is not null)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, origin, instanceId, $"tags[{tag.Key}]", problem));
                continue;
            }

            if (labels.TryGetValue(key, out var existing) && existing.Prefixed != prefixed)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, origin, instanceId, $"tags[{tag.Key}]",
                    $"tags {key} and {options.TagPrefix}{key} both give label {key}; {options.TagPrefix}{key} is used"));
                if (existing.Prefixed)
                {
                    continue;
                }
            }

            labels[key] = (value, prefixed);
        }

        return new InstanceTags(@namespace, LabelSet.From(labels.Select(p => KeyValuePair.Create(p.Key, p.Value.Value))), ports);
    }
}
