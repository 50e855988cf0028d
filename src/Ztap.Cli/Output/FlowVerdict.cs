using Ztap.Core.Engine;
using Ztap.Core.Flows;

namespace Ztap.Cli.Output;

/// <summary>One decided flow: what was asked, how its ends resolved, and the engine's explanation.</summary>
internal sealed record FlowVerdict(ResolvedFlow Flow, Explanation Explanation)
{
    public bool Allowed => Explanation.Verdict == Verdict.Allow;

    /// <summary>The verdict as output spells it: <c>allow</c> or <c>deny</c>.</summary>
    public string VerdictText => Allowed ? "allow" : "deny";
}
