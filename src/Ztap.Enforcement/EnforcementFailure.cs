namespace Ztap.Enforcement;

/// <summary>Why enforcement could not be applied, so callers can tell bad input from a refusing host.</summary>
public enum EnforcementFailure
{
    /// <summary>The policy set or inventory cannot be enforced as given (unknown cgroup, root cgroup without whole-host).</summary>
    InvalidInput,

    /// <summary>The set does not fit the datapath's maps; nothing was changed.</summary>
    CapacityExceeded,

    /// <summary>ztap lacks root or a capability it needs.</summary>
    NotPermitted,

    /// <summary>The host lacks something the backend needs: cgroup v2, BPF, bpffs.</summary>
    Unsupported,

    /// <summary>The kernel refused an operation: verifier rejection, a failed map update or attach.</summary>
    KernelError,

    /// <summary>Another ztap process is changing enforcement; nothing was changed.</summary>
    Busy,
}
