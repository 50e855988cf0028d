using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Engine;

/// <summary>
/// The behaviours the Kubernetes NetworkPolicy documentation describes, one case each, decided by
/// the compiled engine and by the reference evaluator.
/// </summary>
public sealed class KubernetesBehaviourTests
{
    private const string DenyAllIngressInProd = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny-ingress, namespace: prod}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    private const string DenyAllEgressInProd = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny-egress, namespace: prod}
        spec:
          podSelector: {}
          policyTypes: [Egress]
        """;

    private const string AllowAllIngressInProd = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-all-ingress, namespace: prod}
        spec:
          podSelector: {}
          ingress: [{}]
          policyTypes: [Ingress]
        """;

    private const string DbFromWebOnly = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{protocol: TCP, port: 5432}]
        """;

    private const string DbFromDevNamespace = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-dev, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from: [{namespaceSelector: {matchLabels: {env: dev}}}]
        """;

    private const string DbFromDevWebAnd = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-dev-web, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {env: dev}}
                  podSelector: {matchLabels: {app: web}}
        """;

    private const string DbFromDevOrWebOr = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-dev-or-web, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {env: dev}}
                - podSelector: {matchLabels: {app: web}}
        """;

    private const string WebEgressOnlyToPartnerExceptOne = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
            - to: [{ipBlock: {cidr: 172.16.0.0/16, except: [172.16.1.0/24]}}]
        """;

    private const string EgressRulesWithoutPolicyTypes = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress-dns, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress:
            - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
              ports: [{protocol: UDP, port: 53}]
        """;

    private const string EmptyEgressKubernetes = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-empty-egress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress: []
        """;

    private const string EmptyEgressZtap = """
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: {name: web-empty-egress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress: []
        """;

    private const string ApiPortRange = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-range, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - ports: [{protocol: TCP, port: 32000, endPort: 32768}]
        """;

    private const string ApiNamedPort = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-http, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - ports: [{protocol: TCP, port: http}]
        """;

    private const string WebEgressNamedPort = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-to-http, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
            - ports: [{port: http}]
        """;

    private const string BackendNotInDataTier = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: not-data, namespace: prod}
        spec:
          podSelector:
            matchExpressions: [{key: tier, operator: NotIn, values: [data, backend]}]
          policyTypes: [Ingress]
        """;

    private const string Api6FromV6Range = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api6-from-v6, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api6}}
          ingress:
            - from: [{ipBlock: {cidr: "fd00::/64", except: ["fd00::bad:0/112"]}}]
        """;

    public static TheoryData<string, string, string, string, Protocol, int, Verdict> Cases => new()
    {
        { "no policy allows everything", "", "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "default deny ingress isolates every pod of the namespace", DenyAllIngressInProd, "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "default deny ingress leaves other namespaces open", DenyAllIngressInProd, "prod/web-1", "dev/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "default deny ingress does not limit egress to outside", DenyAllIngressInProd, "prod/web-1", "192.0.2.7", Protocol.Tcp, 443, Verdict.Allow },
        { "default deny egress stops traffic leaving the namespace", DenyAllEgressInProd, "prod/web-1", "dev/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "default deny egress does not limit ingress from outside", DenyAllEgressInProd, "192.0.2.7", "prod/web-1", Protocol.Tcp, 8080, Verdict.Allow },
        { "an empty ingress rule allows everything again", DenyAllIngressInProd + "\n---\n" + AllowAllIngressInProd, "dev/web-1", "prod/db-1", Protocol.Udp, 9, Verdict.Allow },
        { "pod selector peer allows its pods on the port", DbFromWebOnly, "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "pod selector peer does not allow another port", DbFromWebOnly, "prod/web-1", "prod/db-1", Protocol.Tcp, 5433, Verdict.Deny },
        { "pod selector peer does not allow another protocol", DbFromWebOnly, "prod/web-1", "prod/db-1", Protocol.Udp, 5432, Verdict.Deny },
        { "pod selector peer looks only in the policy's namespace", DbFromWebOnly, "dev/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "pod selector peer does not match other pods", DbFromWebOnly, "prod/api-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "isolated ingress denies addresses outside the inventory", DbFromWebOnly, "192.0.2.7", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "namespace selector peer allows every pod of the namespace", DbFromDevNamespace, "dev/db-1", "prod/db-1", Protocol.Tcp, 1, Verdict.Allow },
        { "namespace selector peer does not allow the policy's own namespace", DbFromDevNamespace, "prod/web-1", "prod/db-1", Protocol.Tcp, 1, Verdict.Deny },
        { "namespace and pod selector in one peer both must match", DbFromDevWebAnd, "dev/db-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "namespace and pod selector in one peer allow the pods matching both", DbFromDevWebAnd, "dev/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "namespace and pod selector in two peers either may match", DbFromDevOrWebOr, "dev/db-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "pod selector in a second peer still looks in the policy namespace", DbFromDevOrWebOr, "prod/web-2", "prod/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "ipBlock allows addresses in its cidr", WebEgressOnlyToPartnerExceptOne, "prod/web-1", "172.16.2.9", Protocol.Tcp, 443, Verdict.Allow },
        { "ipBlock denies addresses in an except", WebEgressOnlyToPartnerExceptOne, "prod/web-1", "172.16.1.9", Protocol.Tcp, 443, Verdict.Deny },
        { "ipBlock denies addresses outside its cidr", WebEgressOnlyToPartnerExceptOne, "prod/web-1", "172.17.0.1", Protocol.Tcp, 443, Verdict.Deny },
        { "egress isolation denies the cluster too", WebEgressOnlyToPartnerExceptOne, "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "egress rules without policyTypes isolate egress", EgressRulesWithoutPolicyTypes, "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "egress rules without policyTypes allow what they say", EgressRulesWithoutPolicyTypes, "prod/web-1", "kube-system/coredns", Protocol.Udp, 53, Verdict.Allow },
        { "egress rules without policyTypes isolate ingress too", EgressRulesWithoutPolicyTypes, "prod/api-1", "prod/web-1", Protocol.Tcp, 8080, Verdict.Deny },
        { "an empty egress list without policyTypes leaves egress open in Kubernetes", EmptyEgressKubernetes, "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Allow },
        { "an empty egress list denies all egress in ztap/v1", EmptyEgressZtap, "prod/web-1", "prod/db-1", Protocol.Tcp, 5432, Verdict.Deny },
        { "an empty egress list in ztap/v1 leaves ingress open", EmptyEgressZtap, "prod/api-1", "prod/web-1", Protocol.Tcp, 8080, Verdict.Allow },
        { "endPort allows the last port of the range", ApiPortRange, "prod/web-1", "prod/api-1", Protocol.Tcp, 32768, Verdict.Allow },
        { "endPort does not allow the port after the range", ApiPortRange, "prod/web-1", "prod/api-1", Protocol.Tcp, 32769, Verdict.Deny },
        { "a named ingress port resolves on the destination", ApiNamedPort, "prod/web-1", "prod/api-1", Protocol.Tcp, 9090, Verdict.Allow },
        { "a named ingress port is not the number another pod gives it", ApiNamedPort, "prod/web-1", "prod/api-1", Protocol.Tcp, 8080, Verdict.Deny },
        { "a named egress port resolves on each peer", WebEgressNamedPort, "prod/web-2", "prod/api-1", Protocol.Tcp, 9090, Verdict.Allow },
        { "a named egress port does not match a peer without it", WebEgressNamedPort, "prod/web-2", "prod/db-1", Protocol.Tcp, 9090, Verdict.Deny },
        { "a named egress port never matches outside addresses", WebEgressNamedPort, "prod/web-2", "192.0.2.7", Protocol.Tcp, 8080, Verdict.Deny },
        { "NotIn selects pods without the key", BackendNotInDataTier, "prod/web-1", "prod/web-2", Protocol.Tcp, 80, Verdict.Deny },
        { "NotIn does not select pods with a listed value", BackendNotInDataTier, "prod/web-1", "prod/db-1", Protocol.Tcp, 80, Verdict.Allow },
        { "an IPv6 ipBlock allows its range", Api6FromV6Range, "fd00::7", "prod/api6-1", Protocol.Tcp, 80, Verdict.Allow },
        { "an IPv6 except is denied", Api6FromV6Range, "fd00::bad:7", "prod/api6-1", Protocol.Tcp, 80, Verdict.Deny },
        { "a pod cannot block traffic to itself", DenyAllIngressInProd + "\n---\n" + DenyAllEgressInProd, "prod/web-1", "prod/web-1", Protocol.Tcp, 8080, Verdict.Allow },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_the_Kubernetes_documentation_says(string behaviour, string yaml, string from, string to, Protocol protocol, int port, Verdict expected)
    {
        var policies = KubernetesWorld.Policies(yaml);
        var flow = new Flow(KubernetesWorld.Address(from), KubernetesWorld.Address(to), protocol, port);
        var engine = new PolicyEngine(PolicyCompiler.Compile(policies, KubernetesWorld.Inventory));

        Assert.True(expected == engine.Decide(flow), behaviour);
        Assert.Equal(expected, ReferenceEvaluator.Decide(policies, KubernetesWorld.Inventory, flow));
    }
}
