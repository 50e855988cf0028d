namespace Ztap.Anomaly.Features;

/// <summary>A source talking to a destination, whatever the port.</summary>
internal readonly record struct PairKey(HostKey Source, HostKey Destination)
{
    public override int GetHashCode() => (Source.GetHashCode() * 31) ^ Destination.GetHashCode();

    public bool Equals(PairKey other) => Source.Equals(other.Source) && Destination.Equals(other.Destination);
}
