namespace Ztap.Anomaly.Features;

/// <summary>
/// What training taught about one source: when in the day it is active, the most ports it used on one
/// destination, the most destinations it reached and the most bytes it sent to one destination within
/// the windows, and how much it sends.
/// Filled in by <see cref="TrafficProfileBuilder"/> and read-only afterwards.
/// </summary>
internal sealed class SourceProfile
{
    private readonly int[] _hours = new int[24];

    public SourceProfile()
    {
    }

    public SourceProfile(ReadOnlySpan<int> hours, int maxPortsOnDestination, int maxDestinations, long maxPairVolume, ByteStats bytes)
    {
        hours.CopyTo(_hours);
        MaxPortsOnDestination = maxPortsOnDestination;
        MaxDestinations = maxDestinations;
        MaxPairVolume = maxPairVolume;
        Bytes = bytes;
    }

    /// <summary>Flows per hour of the day (UTC).</summary>
    public ReadOnlySpan<int> Hours => _hours;

    public int Flows => Bytes.Count;

    public int MaxPortsOnDestination { get; private set; }

    public int MaxDestinations { get; private set; }

    /// <summary>The most bytes it sent to one destination within the volume window.</summary>
    public long MaxPairVolume { get; private set; }

    public ByteStats Bytes { get; private set; }

    /// <summary>
    /// How many hours <paramref name="hour"/> lies from the nearest hour holding at least 1 % of the
    /// source's flows, around the clock: 0 within its usual hours, up to 12.
    /// </summary>
    public int HoursOutsideUsual(int hour)
    {
        var minimum = Math.Max(1, Flows / 100.0);
        for (var distance = 0; distance < 12; distance++)
        {
            if (_hours[(hour + distance) % 24] >= minimum || _hours[(hour + 24 - distance) % 24] >= minimum)
            {
                return distance;
            }
        }

        return 12;
    }

    internal void Record(int hour, double logBytes, WindowCounts counts)
    {
        _hours[hour]++;
        Bytes = Bytes.Add(logBytes);
        MaxPortsOnDestination = Math.Max(MaxPortsOnDestination, counts.PortsOnDestination);
        MaxDestinations = Math.Max(MaxDestinations, counts.Destinations);
        MaxPairVolume = Math.Max(MaxPairVolume, counts.PairVolume);
    }
}
