namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>A synthetic flow and the truth about it.</summary>
internal sealed record LabelledFlow(ObservedFlow Flow, AttackKind Kind);
