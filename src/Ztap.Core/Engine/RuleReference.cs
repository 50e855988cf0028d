using Ztap.Core.Policy;

namespace Ztap.Core.Engine;

/// <summary>The rule that allowed one side of a flow: a policy and the index of its ingress or egress entry.</summary>
public sealed record RuleReference(NetworkPolicy Policy, Direction Direction, int RuleIndex)
{
    /// <summary>The rule's path inside its policy, such as <c>spec.egress[2]</c>.</summary>
    public string FieldPath => $"spec.{(Direction == Direction.Ingress ? "ingress" : "egress")}[{RuleIndex}]";

    public override string ToString() => $"{Policy.QualifiedName} {FieldPath}";
}
