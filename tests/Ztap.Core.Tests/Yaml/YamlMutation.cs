namespace Ztap.Core.Tests.Yaml;

/// <summary>Small random edits of YAML text (a character inserted or removed) that push a reader onto its error and fallback paths.</summary>
internal static class YamlMutation
{
    public static string Mutate(string text, Random random)
    {
        const string Characters = " \n-:#'\"[]{},\tx";
        var position = random.Next(text.Length + 1);
        return random.Next(3) switch
        {
            0 => text.Insert(position, Characters[random.Next(Characters.Length)].ToString()),
            1 when position < text.Length => text.Remove(position, 1),
            _ => text.Insert(position, " "),
        };
    }
}
