namespace Ztap.Anomaly.Features;

/// <summary>Every feature a forest can see; <see cref="FeatureLayout"/> says which ones each set uses, in which order.</summary>
internal enum FlowFeature
{
    /// <summary>log(1 + bytes).</summary>
    LogBytes,

    /// <summary>The destination port number.</summary>
    Port,

    /// <summary>The IP protocol number.</summary>
    Protocol,

    /// <summary>The hour of the day in UTC, with minutes as a fraction.</summary>
    Hour,

    /// <summary>1 when the destination is outside the private and local ranges.</summary>
    ExternalDestination,

    /// <summary>log of (1 + services on this destination in the port window) over (1 + the source's most in training).</summary>
    PortsAboveUsual,

    /// <summary>log of (1 + destinations in the host window) over (1 + the source's most in training).</summary>
    DestinationsAboveUsual,

    /// <summary>1 / (1 + training flows from this source to this destination): 1 for a destination never used.</summary>
    DestinationNovelty,

    /// <summary>1 / (1 + training flows from this source to this protocol and port, on any destination).</summary>
    ServiceNovelty,

    /// <summary>Standard score of log bytes against the pair's (or else the source's) training flows.</summary>
    BytesAboveUsual,

    /// <summary>log of (1 + bytes to this destination in the volume window) over (1 + the source's most in training).</summary>
    VolumeAboveUsual,

    /// <summary>How regular the gaps between the service's recent arrivals are, 0 to 1.</summary>
    Regularity,

    /// <summary>How many hours the flow lies outside the hours that hold at least 1 % of the source's training flows (12 for an unknown source).</summary>
    HoursOutsideUsual,
}
