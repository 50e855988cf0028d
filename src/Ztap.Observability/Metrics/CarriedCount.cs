namespace Ztap.Observability.Metrics;

/// <summary>
/// A kernel counter made monotonic. The kernel's counters start again at zero when a new policy
/// version is installed (per-policy counters live in the version's slot) or the datapath is
/// reinstalled; Prometheus counters must never go down, so what a counter had reached before it
/// restarted is carried into the total.
/// </summary>
internal sealed class CarriedCount
{
    private ulong _carried;
    private ulong _last;

    /// <summary>Everything counted since this process first observed the counter.</summary>
    public ulong Total => _carried + _last;

    /// <summary>The kernel counter starts again from zero: what it reached so far is kept.</summary>
    public void Restart()
    {
        _carried += _last;
        _last = 0;
    }

    /// <summary>Takes the kernel's current value; a value below the last one means the counter restarted unseen.</summary>
    public ulong Observe(ulong value)
    {
        if (value < _last)
        {
            Restart();
        }

        _last = value;
        return Total;
    }
}
