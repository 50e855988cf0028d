namespace Ztap.Integration.Tests.Metrics;

/// <summary>A test that runs Prometheus' promtool; skipped with the reason where it is not installed.</summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (!File.Exists(Promtool.Binary))
        {
            Skip = "needs promtool: scripts/install-deps.sh installs Debian's prometheus package";
        }
    }
}
