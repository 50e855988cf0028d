using System.Text.Json;
using Ztap.Cli.Output;

namespace Ztap.Cli.Tests.Output;

public sealed class JsonOutputTests
{
    [Fact]
    public void Output_larger_than_a_chunk_arrives_whole_and_valid()
    {
        var output = new StringWriter();
        using (var json = new JsonOutput(output))
        {
            json.Writer.WriteStartArray();
            for (var i = 0; i < 20_000; i++)
            {
                json.Writer.WriteStringValue($"prod/web-{i} \"é\"");
                json.FlushIfLarge();
            }

            json.Writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal(20_000, document.RootElement.GetArrayLength());
        Assert.Equal("prod/web-19999 \"é\"", document.RootElement[19_999].GetString());
    }

    [Fact]
    public void Output_uses_newlines_and_keeps_slashes_readable()
    {
        var output = new StringWriter();
        using (var json = new JsonOutput(output))
        {
            json.Writer.WriteStartObject();
            json.Writer.WriteString("policy", "prod/web");
            json.Writer.WriteEndObject();
        }

        Assert.Equal("{\n  \"policy\": \"prod/web\"\n}\n", output.ToString());
    }
}
