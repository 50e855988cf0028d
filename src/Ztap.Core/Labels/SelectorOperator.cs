namespace Ztap.Core.Labels;

/// <summary>The operators of a Kubernetes <c>matchExpressions</c> entry.</summary>
public enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
