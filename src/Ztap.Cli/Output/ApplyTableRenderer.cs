using System.Globalization;
using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap enforce</c>: one sentence on what is now in force, then the workloads it guards.</summary>
internal sealed class ApplyTableRenderer(Palette palette) : IRenderer<ApplyResult>
{
    public void Render(ApplyResult result, TextWriter output)
    {
        var mode = result.Mode == EnforcementMode.Audit ? palette.Warning("audit") : palette.Allowed("enforce");
        output.WriteLine($"policy version {result.PolicyVersion} in force ({result.Backend}, generation {result.Generation}, mode {mode}) on {Plural.Of(result.Attached.Length, "workload")}");
        if (!result.Attached.IsEmpty)
        {
            AttachedTable.Write(result.Attached, output);
        }

        foreach (var detached in result.Detached)
        {
            output.WriteLine($"detached {detached.Workload} ({detached.Cgroup})");
        }
    }
}
