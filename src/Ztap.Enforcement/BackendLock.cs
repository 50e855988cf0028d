namespace Ztap.Enforcement;

/// <summary>
/// Keeps two ztap processes from changing one backend's enforcement at once, so the state file
/// always describes what the last apply installed. An advisory lock on a file in the state
/// folder, released by the kernel however the process ends.
/// </summary>
internal sealed class BackendLock(FileStream file) : IDisposable
{
    public static BackendLock Acquire(string stateDirectory, string backend)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Join(stateDirectory, $"{backend}.lock");
        try
        {
            return new BackendLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new EnforcementException(EnforcementFailure.Busy, $"another ztap is changing enforcement right now (it holds {path}); try again when it is done", e);
        }
    }

    public void Dispose() => file.Dispose();
}
