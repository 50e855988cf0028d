using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap enforce --remove</c>: what was taken away, in one sentence.</summary>
internal sealed class RemoveTableRenderer : IRenderer<RemoveResult>
{
    public void Render(RemoveResult result, TextWriter output) => output.WriteLine(
        !result.WasInstalled ? $"nothing to remove: no {result.Backend} enforcement is installed"
        : result.Backend == "ebpf" ? $"removed {result.Backend} enforcement: detached from {Plural.Of(result.DetachedCgroups.Length, "cgroup")}"
        : $"removed {result.Backend} enforcement");
}
