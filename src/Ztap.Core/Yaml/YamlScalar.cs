using System.Globalization;

namespace Ztap.Core.Yaml;

/// <summary>
/// A YAML scalar with its text and whether it was written plain (unquoted), which decides whether
/// <c>80</c> is a number and <c>"80"</c> a string.
/// </summary>
internal sealed class YamlScalar(int line, int column, string value, bool isPlain) : YamlNode(line, column)
{
    private const int MaxQuotedLength = 40;

    // Resolved on first use and kept, plus one so that 0 means not yet: readers ask several times,
    // and most scalars are never asked. A byte keeps each of a large file's many scalars smaller.
    private byte _typePlusOne;

    public string Value { get; } = value;

    /// <summary>Unquoted and untagged, so its type is resolved from its text.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>
    /// The scalar's type as Kubernetes' YAML reader (YAML 1.1) resolves it, so that <c>yes</c> and
    /// <c>on</c> are booleans here too and a policy means the same in ztap and in a cluster.
    /// </summary>
    public YamlScalarType Type
    {
        get
        {
            if (_typePlusOne == 0)
            {
                _typePlusOne = (byte)((int)(IsPlain ? Resolve(Value) : YamlScalarType.String) + 1);
            }

            return (YamlScalarType)(_typePlusOne - 1);
        }
    }

    public bool IsNull => Type == YamlScalarType.Null;

    public override string Description => Type switch
    {
        YamlScalarType.Null => "null",
        YamlScalarType.Boolean => $"the boolean {Quoted}",
        YamlScalarType.Integer or YamlScalarType.Float => $"the number {Value}",
        _ => $"the string {Quoted}",
    };

    /// <summary>The value in single quotes, shortened when long, for messages.</summary>
    public string Quoted => Value.Length <= MaxQuotedLength ? $"'{Value}'" : $"'{Value[..MaxQuotedLength]}...'";

    /// <summary>The value as a decimal integer, when it is written as one.</summary>
    public bool TryGetInt32(out int number)
    {
        number = 0;
        return Type == YamlScalarType.Integer
            && int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    private static YamlScalarType Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return YamlScalarType.Null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
                or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
                or "on" or "On" or "ON" or "off" or "Off" or "OFF":
                return YamlScalarType.Boolean;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF"
                or ".nan" or ".NaN" or ".NAN":
                return YamlScalarType.Float;
        }

        if (IsInteger(text))
        {
            return YamlScalarType.Integer;
        }

        // Only text that starts like a number can be one; this keeps "Infinity" and "NaN" strings.
        var first = text[0];
        var numeric = char.IsAsciiDigit(first) || first is '-' or '+' or '.';
        return numeric && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? YamlScalarType.Float
            : YamlScalarType.String;
    }

    private static bool IsInteger(string text)
    {
        var digits = text.AsSpan(text[0] is '-' or '+' ? 1 : 0);
        if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'x' or 'o' or 'b')
        {
            var body = digits[2..];
            return digits[1] switch
            {
                'x' => !body.ContainsAnyExcept("0123456789abcdefABCDEF"),
                'o' => !body.ContainsAnyExcept("01234567"),
                _ => !body.ContainsAnyExcept("01"),
            };
        }

        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
