using System.Collections.Immutable;
using System.Text.Unicode;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Every rule's text as the version hashes it (<c>ns/name spec.egress[2]</c> in UTF-8, then a zero
/// byte), encoded once into one array: the version hashes a rule's text for every entry the rule
/// allows, hundreds of thousands of times in a large estate.
/// </summary>
internal sealed class RuleTexts
{
    private readonly byte[] _text;
    private readonly int[] _start;

    public RuleTexts(ImmutableArray<RuleReference> rules)
    {
        _start = new int[rules.Length + 1];
        var text = new byte[rules.Length * 64];
        var length = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            _start[i] = length;
            var rule = rules[i];
            var field = rule.Direction == Direction.Ingress ? "ingress" : "egress";
            int written;
            while (!Utf8.TryWrite(text.AsSpan(length), $"{rule.Policy.Namespace}/{rule.Policy.Name} spec.{field}[{rule.RuleIndex}]\0", out written))
            {
                Array.Resize(ref text, text.Length * 2);
            }

            length += written;
        }

        _start[rules.Length] = length;
        _text = text;
    }

    public ReadOnlySpan<byte> this[int rule] => _text.AsSpan(_start[rule], _start[rule + 1] - _start[rule]);
}
