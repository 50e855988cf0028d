namespace Ztap.Cloud.Tests.Sync;

/// <summary>The policies the sync tests apply, as users write them.</summary>
internal static class Policies
{
    public static string DbFromWeb(int port = 5432) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db-from-web, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: db } }
          ingress:
            - from: [ { podSelector: { matchLabels: { app: web } } } ]
              ports: [ { protocol: TCP, port: {{port}} } ]
        """;

    public static string WebToDb(int port = 5432, string name = "web-to-db") => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: {{name}}, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [ Egress ]
          egress:
            - to: [ { podSelector: { matchLabels: { app: db } } } ]
              ports: [ { protocol: TCP, port: {{port}} } ]
        """;

    public const string DbEgressToPartner = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db-out, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: db } }
          policyTypes: [ Egress ]
          egress:
            - to: [ { ipBlock: { cidr: 203.0.113.0/24 } } ]
              ports: [ { protocol: TCP, port: 443 } ]
        """;

    public const string WebEgressExceptOffice = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web-out, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [ Egress ]
          egress:
            - to: [ { ipBlock: { cidr: 10.0.0.0/8, except: [ 10.1.0.0/16 ] } } ]
        """;

    public const string WebToDbByName = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web-out, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [ Egress ]
          egress:
            - to: [ { podSelector: { matchLabels: { app: db } } } ]
              ports: [ { protocol: TCP, port: pg } ]
        """;

    public const string DbFromWebByName = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db-in, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: db } }
          ingress:
            - from: [ { podSelector: { matchLabels: { app: web } } } ]
              ports: [ { protocol: TCP, port: pg } ]
        """;

    public static string Join(params string[] documents) => string.Join("\n---\n", documents);
}
