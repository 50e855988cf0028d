namespace Ztap.Core.Policy;

/// <summary>
/// Which directions a policy isolates when it does not list <c>policyTypes</c>. The dialects
/// differ on purpose: Kubernetes always isolates ingress and isolates egress only when there are
/// egress rules, so <c>egress: []</c> isolates nothing; ztap/v1 isolates each section present,
/// so <c>egress: []</c> denies all egress.
/// </summary>
internal static class PolicyTypesDefaulting
{
    /// <param name="dialect">Whose defaulting rule applies.</param>
    /// <param name="declared">The policyTypes written in the policy; null when absent or empty.</param>
    /// <param name="ingressPresent">Whether <c>ingress</c> is present with a value, even an empty list.</param>
    /// <param name="egressPresent">Whether <c>egress</c> is present with a value, even an empty list.</param>
    /// <param name="egressRules">How many egress rules there are.</param>
    public static PolicyTypes Resolve(
        PolicyDialect dialect, PolicyTypes? declared, bool ingressPresent, bool egressPresent, int egressRules)
    {
        if (declared is { } types)
        {
            return types;
        }

        return dialect == PolicyDialect.Kubernetes
            ? PolicyTypes.Ingress | (egressRules > 0 ? PolicyTypes.Egress : PolicyTypes.None)
            : (ingressPresent ? PolicyTypes.Ingress : PolicyTypes.None) | (egressPresent ? PolicyTypes.Egress : PolicyTypes.None);
    }
}
