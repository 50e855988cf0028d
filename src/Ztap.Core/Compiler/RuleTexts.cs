using System.Collections.Immutable;
using System.Text.Unicode;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Every rule's text as the version hashes it (<c>ns/name spec.egress[2]</c> in UTF-8, then a zero
/// byte), encoded once, on first use, into one array: the version hashes a rule's text for every
/// entry the rule allows, hundreds of thousands of times in a large estate, while hashing an edit
/// needs only the few rules of the tables it touched.
/// </summary>
internal sealed class RuleTexts(ImmutableArray<RuleReference> rules)
{
    // Where each rule's text is; a length of 0 marks one not encoded yet (a text has at least its zero byte).
    private readonly (int Start, int Length)[] _spans = new (int, int)[rules.Length];
    private byte[] _text = new byte[4096];
    private int _used;

    public ReadOnlySpan<byte> this[int rule]
    {
        get
        {
            var (start, length) = _spans[rule];
            if (length == 0)
            {
                (start, length) = _spans[rule] = Encode(rules[rule]);
            }

            return _text.AsSpan(start, length);
        }
    }

    private (int Start, int Length) Encode(RuleReference rule)
    {
        var field = rule.Direction == Direction.Ingress ? "ingress" : "egress";
        int written;
        while (!Utf8.TryWrite(_text.AsSpan(_used), $"{rule.Policy.Namespace}/{rule.Policy.Name} spec.{field}[{rule.RuleIndex}]\0", out written))
        {
            Array.Resize(ref _text, _text.Length * 2);
        }

        var span = (_used, written);
        _used += written;
        return span;
    }
}
