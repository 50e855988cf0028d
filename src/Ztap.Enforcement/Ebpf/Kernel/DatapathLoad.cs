namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Loading the datapath on another thread while the caller images the version to install: the
/// kernel verifying the programs takes a few hundred milliseconds, as long as imaging a large set.
/// A load that is not taken is waited for and freed; loaded unpinned, it leaves nothing behind.
/// </summary>
internal sealed class DatapathLoad : IDisposable
{
    private readonly Task<DatapathObject> _loading;
    private bool _taken;

    private DatapathLoad(Task<DatapathObject> loading) => _loading = loading;

    /// <param name="unpinned">Load with maps of its own, pinned when taken (<see cref="DatapathObject.LoadUnpinned"/>).</param>
    public static DatapathLoad Start(string pinRoot, bool unpinned) =>
        new(Task.Run(() => unpinned ? DatapathObject.LoadUnpinned(pinRoot) : DatapathObject.Load(pinRoot)));

    /// <summary>The loaded datapath, its maps pinned; waits for the load and throws what it failed with.</summary>
    public DatapathObject Take()
    {
        _taken = true;
        var datapath = _loading.GetAwaiter().GetResult();
        try
        {
            datapath.PinMaps();
            return datapath;
        }
        catch
        {
            datapath.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_taken)
        {
            return;
        }

        try
        {
            _loading.GetAwaiter().GetResult().Dispose();
        }
        catch (EnforcementException)
        {
            // The apply already failed for another reason, which is the one to report; a load
            // that failed too left nothing to free.
        }
    }
}
