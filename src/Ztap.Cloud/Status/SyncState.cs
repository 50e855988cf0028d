namespace Ztap.Cloud.Status;

/// <summary>Whether an instance's ztap groups enforce the policies it was compared with.</summary>
public enum SyncState
{
    /// <summary>No policies were given, so nothing could be compared.</summary>
    NotCompared,

    /// <summary>A sync would change nothing on this instance or its groups.</summary>
    InSync,

    /// <summary>A sync would attach, detach or change groups of this instance.</summary>
    OutOfSync,
}
