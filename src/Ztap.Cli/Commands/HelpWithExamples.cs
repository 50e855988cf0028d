using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Ztap.Cli.Commands;

/// <summary>
/// The standard help, followed by each verb's notes and examples. The examples live outside the
/// one-line descriptions so that the list of verbs in <c>ztap --help</c> stays short.
/// </summary>
internal sealed class HelpWithExamples : SynchronousCommandLineAction
{
    // A fixed width keeps help identical on every terminal and in the snapshot tests.
    private const int Width = 100;

    private readonly HelpAction _standard;
    private readonly IReadOnlyDictionary<Command, string> _footers;

    public HelpWithExamples(HelpAction standard, IReadOnlyDictionary<Command, string> footers)
    {
        _standard = standard;
        _standard.MaxWidth = Width;
        _footers = footers;
    }

    /// <summary>Help is shown even when the rest of the command line is incomplete, as for <c>ztap check --help</c>.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        _standard.Invoke(parseResult);
        if (_footers.TryGetValue(parseResult.CommandResult.Command, out var footer))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(footer.TrimEnd());
            output.WriteLine();
        }

        return ExitCodes.Success;
    }
}
