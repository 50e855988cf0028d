namespace Ztap.Cli.Tests;

/// <summary>Finds files of the repository (examples, snapshots, test data) from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ztap.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Ztap.slnx above {AppContext.BaseDirectory}");
    }
}
