using Ztap.Enforcement;

namespace Ztap.Cli.Agent;

/// <summary>The version the agent applied before it started its work, the inputs it came from, and how long that took.</summary>
internal sealed record InitialApply(FirstInputs Inputs, ApplyResult Result, TimeSpan Duration);
