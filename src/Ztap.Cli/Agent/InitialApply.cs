using Ztap.Core.Compiler;
using Ztap.Enforcement;

namespace Ztap.Cli.Agent;

/// <summary>The version the agent applied before it started its work, and how long that took.</summary>
internal sealed record InitialApply(PolicySet Set, ApplyResult Result, TimeSpan Duration);
