using Ztap.Anomaly;

namespace Ztap.Cli.Agent;

/// <summary>The detector the agent scores flows with, and its name in <c>ztap_anomaly_score{detector}</c>: <c>forest</c>, or <c>combined</c> with rules.</summary>
internal sealed record AgentDetector(string Name, IAnomalyDetector Detector);
