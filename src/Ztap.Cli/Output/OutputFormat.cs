namespace Ztap.Cli.Output;

/// <summary>The forms a verb can print its result in: <c>-o table</c> for people, <c>-o json</c> for programs.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}
