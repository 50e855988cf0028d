namespace Ztap.Cli.Tests;

/// <summary>
/// Tests that measure what the heap holds run alone: the collector's count covers the whole
/// process, and tests running alongside would add what they hold at that moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    public const string Name = "heap measuring";
}
