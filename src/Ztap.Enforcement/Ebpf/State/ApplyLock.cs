namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// Keeps two ztap processes from changing enforcement at once: both would write the same idle
/// slot. An advisory lock (flock) on a file in the state folder, which the kernel releases when
/// the process ends, however it ends, so a crashed run never leaves it held.
/// </summary>
internal sealed class ApplyLock(FileStream file) : IDisposable
{
    public static ApplyLock Acquire(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Join(stateDirectory, "ebpf.lock");
        try
        {
            // On Linux, .NET takes FileShare.None as an exclusive flock.
            return new ApplyLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new EnforcementException(EnforcementFailure.Busy, $"another ztap is changing enforcement right now (it holds {path}); try again when it is done", e);
        }
    }

    public void Dispose() => file.Dispose();
}
