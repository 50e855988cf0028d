using System.Text.Json;

namespace Ztap.Cli.Output;

/// <summary>Lists of names (peers, ports, groups, addresses) as JSON arrays of strings, the one shape every renderer writes them in.</summary>
internal static class JsonStrings
{
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
