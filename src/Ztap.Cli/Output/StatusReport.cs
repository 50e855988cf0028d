using Ztap.Cloud.Status;
using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary>The hybrid view of <c>ztap status</c>: this host's enforcement and, when AWS is configured, the instances there.</summary>
internal sealed record StatusReport(EnforcementStatus Host, CloudStatus? Aws);
