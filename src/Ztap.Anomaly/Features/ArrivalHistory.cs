using System.Runtime.InteropServices;

namespace Ztap.Anomaly.Features;

/// <summary>
/// Recent arrival times per service, for spotting beacons. Holds at most <c>capacity</c> services;
/// when full it forgets the least recently active half, which keeps memory bounded and costs one
/// sweep per <c>capacity / 2</c> new services.
/// </summary>
internal sealed class ArrivalHistory(int capacity)
{
    private readonly Dictionary<ServiceKey, ArrivalRing> _services = [];

    public int Count => _services.Count;

    /// <summary>Records an arrival and returns the service's history including it.</summary>
    public ArrivalRing Add(ServiceKey service, long ticks)
    {
        if (_services.Count >= capacity && !_services.ContainsKey(service))
        {
            ForgetLeastRecentHalf();
        }

        ref var ring = ref CollectionsMarshal.GetValueRefOrAddDefault(_services, service, out _);
        ring.Add(ticks);
        return ring;
    }

    private void ForgetLeastRecentHalf()
    {
        var latest = new long[_services.Count];
        var i = 0;
        foreach (var ring in _services.Values)
        {
            latest[i++] = ring.Latest;
        }

        Array.Sort(latest);
        var cutoff = latest[latest.Length / 2];
        foreach (var (service, ring) in _services)
        {
            if (ring.Latest <= cutoff)
            {
                _services.Remove(service);
            }
        }
    }
}
