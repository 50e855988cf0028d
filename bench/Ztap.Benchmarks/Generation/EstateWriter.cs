using System.Text;

namespace Ztap.Benchmarks.Generation;

/// <summary>
/// Writes a generated estate as files: an inventory and policy files of 100 policies each, mostly in
/// the ztap/v1 dialect and every fifth one in the Kubernetes dialect. Every app's policy isolates
/// both directions: ingress from its upstream app (sometimes from another team), egress to its
/// downstream app, DNS, and a partner network with an except block; one in fifty may also reach the
/// internet on 443.
/// </summary>
internal static class EstateWriter
{
    public static void Write(Estate estate, string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "policies"));
        File.WriteAllText(Path.Combine(directory, "inventory.yaml"), Inventory(estate));
        for (var first = 0; first < estate.Policies; first += Estate.PoliciesPerFile)
        {
            var text = new StringBuilder();
            for (var app = first; app < Math.Min(estate.Policies, first + Estate.PoliciesPerFile); app++)
            {
                Policy(text, estate, app);
            }

            File.WriteAllText(Path.Combine(directory, "policies", $"policies-{first / Estate.PoliciesPerFile:D4}.yaml"), text.ToString());
        }
    }

    private static string Inventory(Estate estate)
    {
        var text = new StringBuilder("namespaces:\n  - name: kube-system\n");
        for (var team = 0; team < estate.Teams; team++)
        {
            text.Append($"  - name: {Estate.Team(team)}\n    labels: {{team: {Estate.Team(team)}, env: {(team % 3 == 0 ? "staging" : "prod")}}}\n");
        }

        text.Append("workloads:\n  - name: coredns\n    namespace: kube-system\n    ips: [10.0.0.10]\n    labels: {k8s-app: kube-dns}\n");
        for (var app = 0; app < estate.Policies; app++)
        {
            for (var replica = 0; replica < Estate.ReplicasPerApp; replica++)
            {
                text.Append($"  - name: {Estate.App(app)}-{replica}\n    namespace: {Estate.Team(estate.TeamOf(app))}\n");
                text.Append($"    ips: [{Estate.Address(app, replica)}]\n    labels: {{app: {Estate.App(app)}, tier: {Tier(app)}}}\n");
                text.Append("    ports: [{name: http, port: 8080, protocol: TCP}]\n");
            }
        }

        return text.ToString();
    }

    private static void Policy(StringBuilder text, Estate estate, int app)
    {
        var team = estate.TeamOf(app);
        var upstream = app % Estate.AppsPerTeam == 0 ? app + 1 : app - 1;
        var downstream = app % Estate.AppsPerTeam == Estate.AppsPerTeam - 1 ? app - 1 : app + 1;
        var kubernetes = app % 5 == 0;
        text.Append(kubernetes ? "apiVersion: networking.k8s.io/v1\n" : "apiVersion: ztap/v1\n");
        text.Append($"kind: NetworkPolicy\nmetadata:\n  name: {Estate.App(app)}\n  namespace: {Estate.Team(team)}\nspec:\n");
        text.Append($"  podSelector:\n    matchLabels:\n      app: {Estate.App(app)}\n");
        if (kubernetes)
        {
            text.Append("  policyTypes: [Ingress, Egress]\n");
        }

        text.Append("  ingress:\n    - from:\n");
        text.Append($"        - podSelector:\n            matchLabels:\n              app: {Estate.App(upstream)}\n");
        if (app % 7 == 0)
        {
            text.Append($"        - namespaceSelector:\n            matchLabels:\n              team: {Estate.Team(team + 1)}\n          podSelector:\n            matchExpressions:\n              - {{key: tier, operator: In, values: [frontend, backend]}}\n");
        }

        text.Append("      ports:\n        - {protocol: TCP, port: http}\n        - {protocol: TCP, port: 9100, endPort: 9110}\n");
        text.Append("  egress:\n");
        text.Append($"    - to:\n        - podSelector:\n            matchLabels:\n              app: {Estate.App(downstream)}\n      ports:\n        - {{protocol: TCP, port: 8080}}\n");
        text.Append("    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n");
        text.Append("      ports:\n        - {protocol: UDP, port: 53}\n        - {protocol: TCP, port: 53}\n");
        var partner = Estate.PartnerNetwork(app);
        text.Append($"    - to:\n        - ipBlock:\n            cidr: {partner}\n            except: [{partner[..^4]}128/25]\n      ports:\n        - {{protocol: TCP, port: 443}}\n");
        if (app % 50 == 0)
        {
            text.Append("    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except: [10.0.0.0/8]\n      ports:\n        - {protocol: TCP, port: 443}\n");
        }

        text.Append("---\n");
    }

    private static string Tier(int app) => (app % 3) switch
    {
        0 => "frontend",
        1 => "backend",
        _ => "db",
    };
}
