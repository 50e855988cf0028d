using System.Text;
using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

public sealed class YamlFileTests
{
    private static string Decode(ReadOnlySpan<byte> bytes) => YamlFile.Decode(bytes);

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16", "utf-16BE", "utf-32"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_file_reads_as_the_framework_reads_it_in_every_encoding_a_byte_order_mark_names(string name)
    {
        var encoding = name switch
        {
            "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            _ => Encoding.GetEncoding(name),
        };
        var path = Path.Combine(Path.GetTempPath(), $"ztap-yamlfile-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(path, "name: caf\u00e9 \u2713\nips: [10.0.0.1]\n", encoding);
            var diagnostics = new List<Diagnostic>();

            var text = YamlFile.Read(path, InputLimits.Default, diagnostics, CancellationToken.None, Decode);

            Assert.Empty(diagnostics);
            Assert.Equal(await File.ReadAllTextAsync(path), text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_large_file_is_read_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ztap-yamlfile-{Guid.NewGuid():N}.yaml");
        try
        {
            var content = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"k{i}: v{i}\n"));
            await File.WriteAllTextAsync(path, content);

            var text = YamlFile.Read(path, InputLimits.Default, [], CancellationToken.None, Decode);

            Assert.Equal(content, text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
