namespace Ztap.Cli.Tests;

/// <summary>
/// Compares rendered output with a saved file under Snapshots/. Set ZTAP_UPDATE_SNAPSHOTS=1 to
/// write the files instead, then review the diff like any other change.
/// </summary>
internal static class Snapshot
{
    public static void Matches(string name, string actual)
    {
        var path = RepositoryPaths.Of(Path.Combine("tests", "Ztap.Cli.Tests", "Snapshots", name));
        if (Environment.GetEnvironmentVariable("ZTAP_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no snapshot {name}; run the tests with ZTAP_UPDATE_SNAPSHOTS=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
