namespace Ztap.Core.Policy;

/// <summary>The directions a policy isolates its selected workloads in, after defaulting.</summary>
[Flags]
public enum PolicyTypes
{
    None = 0,
    Ingress = 1,
    Egress = 2,
}
