namespace Ztap.Anomaly.Features;

/// <summary>
/// The live, bounded state behind context features: distinct ports and bytes per (source, destination)
/// and distinct destinations per source over their windows, and recent arrivals per service.
/// </summary>
internal sealed class ContextWindows(ContextOptions options)
{
    private readonly DistinctCounter<PairKey, int> _portsOnDestination = new(options.PortWindow, options.WindowCapacity);
    private readonly DistinctCounter<HostKey, HostKey> _destinations = new(options.HostWindow, options.WindowCapacity);
    private readonly SlidingSum<PairKey> _volume = new(options.VolumeWindow, options.WindowCapacity);
    private readonly ArrivalHistory _arrivals = new(options.ServiceCapacity);

    /// <summary>Window events and services currently held, the measure of this state's memory.</summary>
    public int Size => _portsOnDestination.EventCount + _destinations.EventCount + _volume.EventCount + _arrivals.Count;

    /// <summary>Adds a flow and reports the source's counts in the windows and the service's arrivals, this flow included.</summary>
    public WindowCounts Observe(PairKey pair, ObservedFlow flow)
    {
        var ticks = flow.Timestamp.UtcTicks;
        var service = SourceService.ServiceOf(flow);
        return new WindowCounts(
            _portsOnDestination.Add(ticks, pair, service),
            _destinations.Add(ticks, pair.Source, pair.Destination),
            _volume.Add(ticks, pair, Math.Max(0, flow.Bytes)),
            _arrivals.Add(new ServiceKey(pair, service), ticks));
    }
}
