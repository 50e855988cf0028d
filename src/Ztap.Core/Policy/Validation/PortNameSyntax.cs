namespace Ztap.Core.Policy.Validation;

/// <summary>
/// The rule for named ports (IANA service names, as Kubernetes checks them): 1 to 15 lowercase
/// letters, digits and '-', at least one letter, no '-' at either end or twice in a row.
/// </summary>
internal static class PortNameSyntax
{
    private const int MaxLength = 15;

    public const string Rule =
        "a port name has 1 to 15 lowercase letters, digits and '-', at least one letter, and no '-' at either end or twice in a row";

    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > MaxLength || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        var hasLetter = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterLower(c))
            {
                hasLetter = true;
            }
            else if (c == '-' ? name[i - 1] == '-' : !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return hasLetter;
    }
}
