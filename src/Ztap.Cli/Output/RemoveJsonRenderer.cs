using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap enforce --remove -o json</c>: whether anything was installed and the cgroups detached.</summary>
internal sealed class RemoveJsonRenderer : IRenderer<RemoveResult>
{
    public void Render(RemoveResult result, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        writer.WriteStartObject();
        writer.WriteString("backend", result.Backend);
        writer.WriteBoolean("wasInstalled", result.WasInstalled);
        writer.WriteStartArray("detachedCgroupIds");
        foreach (var cgroup in result.DetachedCgroups)
        {
            writer.WriteNumberValue(cgroup);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
