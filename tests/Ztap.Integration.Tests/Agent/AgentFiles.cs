using Ztap.Integration.Tests.Scenes;
using Ztap.Observability.FlowLog;

namespace Ztap.Integration.Tests.Agent;

/// <summary>The agent's inputs and flow log for one scene: a policy folder, an inventory file and a log folder, removed with the scene.</summary>
internal sealed record AgentFiles(string PolicyFolder, string Inventory, FlowLogLocation Log)
{
    public string PolicyFile => Path.Join(PolicyFolder, "policies.yaml");

    public static AgentFiles Create(Scene scene, Estate estate, string policies)
    {
        var root = Directory.CreateTempSubdirectory($"{scene.Id}-agent-").FullName;
        scene.OnDispose(() => Directory.Delete(root, recursive: true));
        var files = new AgentFiles(Path.Join(root, "policies"), Path.Join(root, "inventory.yaml"), new FlowLogLocation(Path.Join(root, "log")));
        Directory.CreateDirectory(files.PolicyFolder);
        File.WriteAllText(files.PolicyFile, policies);
        File.WriteAllText(files.Inventory, estate.InventoryYaml());
        return files;
    }

    /// <summary>The agent's arguments; its metrics go to a free loopback port, named in its log.</summary>
    public string[] Arguments => ["-f", PolicyFolder, "-i", Inventory, "--metrics-listen", "127.0.0.1:0"];

    /// <summary>Replaces the policies the way an editor saves: write a new file, then rename it over the old one.</summary>
    public void ReplacePolicies(string policies)
    {
        var temporary = Path.Join(PolicyFolder, ".policies.yaml.swp");
        File.WriteAllText(temporary, policies);
        File.Move(temporary, PolicyFile, overwrite: true);
    }
}
