using System.Text.Json;
using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Tests;

public sealed class StateFileTests : IDisposable
{
    private static readonly EbpfNames Names = new("v1", "v1", [new IdentitySummary(7, "prod app=web")], ["prod/web"], [0]);

    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-state-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void State_is_rendered_as_the_serializer_writes_it()
    {
        var rendered = StateFile.Render(Names, EbpfStateJson.Default.EbpfNames);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Names, EbpfStateJson.Default.EbpfNames), rendered.ToArray());
    }

    [Fact]
    public async Task A_replaced_state_is_read_back_from_a_folder_made_for_it_with_no_temporary_file_left()
    {
        var path = Path.Join(_directory, "state", "names.json");

        await StateFile.ReplaceAsync(path, Names, EbpfStateJson.Default.EbpfNames, CancellationToken.None);
        var read = await StateFile.ReadAsync(path, EbpfStateJson.Default.EbpfNames, CancellationToken.None);

        Assert.Equal(["prod/web"], read!.Policies.AsEnumerable());
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_state_cut_short_or_missing_reads_as_none()
    {
        var path = Path.Join(_directory, "names.json");
        await StateFile.ReplaceAsync(path, Names, EbpfStateJson.Default.EbpfNames, CancellationToken.None);
        var whole = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);

        Assert.Null(await StateFile.ReadAsync(path, EbpfStateJson.Default.EbpfNames, CancellationToken.None));
        Assert.Null(await StateFile.ReadAsync(Path.Join(_directory, "absent.json"), EbpfStateJson.Default.EbpfNames, CancellationToken.None));
    }
}
