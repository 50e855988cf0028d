namespace Ztap.Cli.Output;

/// <summary>
/// Colours for a terminal, or none. Text is padded before it is painted, so escape codes never
/// upset column alignment.
/// </summary>
internal sealed class Palette
{
    private readonly bool _enabled;

    private Palette(bool enabled) => _enabled = enabled;

    public static Palette None { get; } = new(false);

    public static Palette Ansi { get; } = new(true);

    public string Allowed(string text) => Paint(text, "32");

    public string Denied(string text) => Paint(text, "31");

    public string Error(string text) => Paint(text, "1;31");

    public string Warning(string text) => Paint(text, "33");

    public string Strong(string text) => Paint(text, "1");

    private string Paint(string text, string code) => _enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
