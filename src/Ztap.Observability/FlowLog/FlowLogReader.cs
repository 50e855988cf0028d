using System.Runtime.CompilerServices;
using Ztap.Core.Flows;

namespace Ztap.Observability.FlowLog;

/// <summary>
/// Reads the flow log in time order: the rotated files oldest first, then the current file.
/// Lines that are not flow records (one cut short by a crash, say) are skipped and counted.
/// </summary>
public sealed class FlowLogReader(FlowLogLocation location, FlowFilter filter)
{
    /// <summary>Lines skipped because they were not flow records.</summary>
    public long Skipped { get; private set; }

    /// <summary>The first problem met, with its file, for a reader that wants to say why lines were skipped.</summary>
    public string? FirstProblem { get; private set; }

    public async IAsyncEnumerable<FlowRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var path in location.FilesOldestFirst())
        {
            FileStream file;
            try
            {
                file = OpenShared(path);
            }
            catch (FileNotFoundException)
            {
                // Rotated away between listing and opening: its lines now sit in the next file.
                continue;
            }

            await using (file.ConfigureAwait(false))
            {
                await foreach (var record in ReadFileAsync(file, path, cancellationToken).ConfigureAwait(false))
                {
                    yield return record;
                }
            }
        }
    }

    internal static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);

    /// <summary>Reads a file from its current position to its end, passing on the records that match.</summary>
    internal async IAsyncEnumerable<FlowRecord> ReadFileAsync(
        Stream file, string path, [EnumeratorCancellation] CancellationToken cancellationToken, FlowLogLines? lines = null)
    {
        lines ??= new FlowLogLines();
        var batch = new List<FlowRecord>();
        while (await lines.ReadAsync(file, line => Parse(line, path, batch), cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in batch)
            {
                yield return record;
            }

            batch.Clear();
        }
    }

    private void Parse(ReadOnlyMemory<byte> line, string path, List<FlowRecord> batch)
    {
        if (line.IsEmpty)
        {
            return;
        }

        if (FlowLogJson.Read(line.Span, out var error) is { } record)
        {
            if (filter.Matches(record))
            {
                batch.Add(record);
            }

            return;
        }

        Skipped++;
        FirstProblem ??= $"{path}: {error}";
    }
}
