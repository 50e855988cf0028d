namespace Ztap.Integration.Tests.Ebpf;

/// <summary>
/// The policies of the verdict matrix: ingress rules with named peers, port ranges and ipBlocks with
/// except and SCTP (networking.k8s.io/v1), and egress rules with ICMP (ztap/v1), over IPv4 and IPv6.
/// </summary>
internal static class MatrixPolicies
{
    public const string Yaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-ingress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{protocol: TCP, port: 80}, {protocol: TCP, port: 8000, endPort: 8002}, {protocol: SCTP, port: 9000}]
            - from:
                - ipBlock: {cidr: 10.77.0.0/24, except: [10.77.0.96/27]}
                - ipBlock: {cidr: "fd77::/64", except: ["fd77::100/120"]}
              ports: [{protocol: TCP, port: 443}, {protocol: SCTP, port: 443}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-ingress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{protocol: TCP, port: 5432}]
            - from: [{podSelector: {matchLabels: {app: batch}}}]
              ports: [{protocol: UDP, port: 9000}]
        ---
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress:
            - to: {podSelector: {matchLabels: {app: api}}}
            - to: {podSelector: {matchLabels: {app: db}}}
              ports: [{protocol: TCP, port: 5432}, {protocol: TCP, port: 6379}]
            - to:
                - ipBlock: {cidr: 10.77.0.0/24, except: [10.77.0.96/27]}
                - ipBlock: {cidr: "fd77::/64"}
              ports: [{protocol: ICMP}]
        """;
}
