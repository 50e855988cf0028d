namespace Ztap.Core.Tests.Policy;

/// <summary>A folder of its own under the system's temporary directory, removed when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("ztap-test-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to a file at <paramref name="relativePath"/>, creating folders, and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
