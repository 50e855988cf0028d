namespace Ztap.Cli.Output;

/// <summary>Prints one verb's result in one output format.</summary>
internal interface IRenderer<in TReport>
{
    void Render(TReport report, TextWriter output);
}
