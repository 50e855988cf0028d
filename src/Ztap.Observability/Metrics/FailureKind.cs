using Ztap.Enforcement;

namespace Ztap.Observability.Metrics;

/// <summary>The <c>kind</c> label of <c>ztap_errors_total</c>: one fixed word per kind of failure.</summary>
internal static class FailureKind
{
    public static string Of(EnforcementFailure failure) => failure switch
    {
        EnforcementFailure.InvalidInput => "invalid_input",
        EnforcementFailure.CapacityExceeded => "capacity_exceeded",
        EnforcementFailure.NotPermitted => "not_permitted",
        EnforcementFailure.Unsupported => "unsupported",
        EnforcementFailure.KernelError => "kernel_error",
        EnforcementFailure.Busy => "busy",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "a failure without a metric label"),
    };
}
