using System.Globalization;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Integration.Tests.Scenes;

namespace Ztap.Integration.Tests.Ebpf;

/// <summary>
/// A second version of <see cref="MatrixPolicies"/>: web may no longer reach api on port 80, the
/// db rule is rewritten as a range, and 256 extra CIDRs churn the ipcache, while web to db:5432
/// stays allowed and web to db:6379 stays denied.
/// </summary>
internal static class UpdatePolicies
{
    /// <summary>web to api:80, which <see cref="MatrixPolicies"/> allows and this version denies.</summary>
    public static readonly Flow ChangedByUpdate = new(Estate.Web.V4, Estate.Api.V4, Protocol.Tcp, 80);

    /// <summary>web to db:5432, which both versions allow.</summary>
    public static readonly Flow AllowedByBoth = new(Estate.Web.V4, Estate.Db.V4, Protocol.Tcp, 5432);

    /// <summary>web to db:6379, which both versions deny.</summary>
    public static readonly Flow DeniedByBoth = new(Estate.Web.V4, Estate.Db.V4, Protocol.Tcp, 6379);

    public static readonly string Yaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-ingress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{protocol: TCP, port: 8000, endPort: 8002}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-ingress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{protocol: TCP, port: 5400, endPort: 5500}]
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
            - ports: [{protocol: TCP, port: 9999}]
              to:
        """ + "\n" + string.Join("\n", Enumerable.Range(0, 256).Select(i => string.Create(CultureInfo.InvariantCulture, $"        - ipBlock: {{cidr: 10.200.{i}.0/24}}")));
}
