namespace Ztap.Cloud.Sync;

/// <summary>
/// The order a plan is applied in, chosen so that a failure at any point leaves access no wider
/// than before or after: everything that narrows (revoke, detach) before anything that widens
/// (authorize, attach); a new group gets its final rules before it goes on an instance; a group is
/// deleted only once nothing uses it.
/// </summary>
public enum PlanPhase
{
    /// <summary>New groups, on no instance yet, so their default allow-all egress reaches nobody.</summary>
    Create,

    /// <summary>Rules no policy wants any more, including a new group's default egress where it isolates egress.</summary>
    Revoke,

    /// <summary>Groups taken off interfaces; other groups stay.</summary>
    Detach,

    /// <summary>Rules the policies want.</summary>
    Authorize,

    /// <summary>Groups put on interfaces, now carrying their final rules.</summary>
    Attach,

    /// <summary>Groups of removed policies, detached and unreferenced by now.</summary>
    Delete,
}
