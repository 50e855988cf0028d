namespace Ztap.Enforcement;

/// <summary>
/// Records in the state folder which backend the last enforce used, so status and remove find it
/// without being told.
/// </summary>
public static class InstalledBackend
{
    private const string FileName = "backend";

    public static string? Read(string stateDirectory)
    {
        var path = Path.Join(stateDirectory, FileName);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { } name && BackendSelection.Names.Contains(name) ? name : null;
    }

    public static void Write(string stateDirectory, string backend)
    {
        Directory.CreateDirectory(stateDirectory);
        File.WriteAllText(Path.Join(stateDirectory, FileName), backend + "\n");
    }

    /// <summary>Forgets the record when it names the backend just removed.</summary>
    public static void Clear(string stateDirectory, string backend)
    {
        if (Read(stateDirectory) == backend)
        {
            File.Delete(Path.Join(stateDirectory, FileName));
        }
    }
}
