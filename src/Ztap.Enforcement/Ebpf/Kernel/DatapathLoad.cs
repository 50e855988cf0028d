namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Loading the datapath on another thread while the caller images the version to install: the
/// kernel verifying the programs takes a few hundred milliseconds, as long as imaging a large set.
/// A load that is not taken is waited for and freed; loaded unpinned, it leaves nothing behind, and
/// replacements it pinned are unpinned.
/// </summary>
internal sealed class DatapathLoad : IDisposable
{
    private readonly Task<DatapathObject> _loading;
    private readonly string _pinRoot;
    private bool _taken;

    private DatapathLoad(Task<DatapathObject> loading, string pinRoot)
    {
        _loading = loading;
        _pinRoot = pinRoot;
    }

    /// <param name="unpinned">Load with maps of its own, pinned when taken (<see cref="DatapathObject.LoadUnpinned"/>).</param>
    public static DatapathLoad Start(string pinRoot, bool unpinned) =>
        new(Task.Run(() => unpinned ? DatapathObject.LoadUnpinned(pinRoot) : DatapathObject.Load(pinRoot)), pinRoot);

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
            using var datapath = _loading.GetAwaiter().GetResult();
            if (datapath.ReplacesMaps)
            {
                DatapathReplacement.Discard(_pinRoot);
            }
        }
        catch (EnforcementException)
        {
            // The apply already failed for another reason, which is the one to report; a load
            // that failed too left nothing to free.
        }
    }
}
