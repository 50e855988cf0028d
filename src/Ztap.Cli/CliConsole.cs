using System.Text;
using Ztap.Cli.Output;

namespace Ztap.Cli;

/// <summary>
/// Where a command writes: standard output for results, standard error for problems, each with
/// the colours it may use. Commands receive one instead of touching <see cref="Console"/>, so tests
/// run them in-process with string writers.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Palette OutPalette, Palette ErrorPalette)
{
    /// <summary>Plain writers without colour, as tests and pipes get.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error) => new(output, error, Palette.None, Palette.None);

    /// <summary>
    /// The process's own streams. Colour only reaches a terminal, and never when NO_COLOR is set
    /// (https://no-color.org) or the terminal says it cannot show it.
    /// </summary>
    public static CliConsole FromSystem()
    {
        var colourAllowed = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        // Standard output is buffered (Console.Out flushes every line, which dominates the time
        // of a large --flows run); Program flushes it before exiting. Errors stay unbuffered.
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
        return new CliConsole(
            output,
            Console.Error,
            colourAllowed && !Console.IsOutputRedirected ? Palette.Ansi : Palette.None,
            colourAllowed && !Console.IsErrorRedirected ? Palette.Ansi : Palette.None);
    }
}
