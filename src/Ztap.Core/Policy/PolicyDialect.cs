namespace Ztap.Core.Policy;

/// <summary>Which policy language a document was written in; they differ in defaults and allowed protocols.</summary>
public enum PolicyDialect
{
    /// <summary><c>ztap/v1</c>: the original ZTAP format. Allows ICMP; policyTypes default to the sections present.</summary>
    ZtapV1,

    /// <summary><c>networking.k8s.io/v1</c>: Kubernetes NetworkPolicy, with Kubernetes' defaulting.</summary>
    Kubernetes,
}
