using System.Runtime.CompilerServices;
using Ztap.Core.Flows;

namespace Ztap.Observability.FlowLog;

/// <summary>
/// Follows the flow log like <c>tail -f</c>: everything already written, then each new record as it
/// arrives. It survives rotation (the file at the log's path has a new inode: the rest of the old
/// file is read, then the new one from its start) and truncation (the file shrank: read it again
/// from the start). Runs until cancelled.
/// </summary>
public sealed class FlowLogFollower(FlowLogLocation location, FlowFilter filter, TimeSpan? pollInterval = null)
{
    private readonly TimeSpan _poll = pollInterval ?? TimeSpan.FromMilliseconds(250);
    private readonly FlowLogReader _reader = new(location, filter);

    /// <summary>Lines skipped because they were not flow records.</summary>
    public long Skipped => _reader.Skipped;

    public async IAsyncEnumerable<FlowRecord> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var path in location.FilesOldestFirst().Where(p => p != location.CurrentFile))
        {
            await using var rotated = FlowLogReader.OpenShared(path);
            await foreach (var record in _reader.ReadFileAsync(rotated, path, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }

        var current = await OpenCurrentAsync(cancellationToken).ConfigureAwait(false);
        var lines = new FlowLogLines();
        try
        {
            while (true)
            {
                await foreach (var record in _reader.ReadFileAsync(current, location.CurrentFile, cancellationToken, lines).ConfigureAwait(false))
                {
                    yield return record;
                }

                await Task.Delay(_poll, cancellationToken).ConfigureAwait(false);
                var atPath = FileIdentity.OfPath(location.CurrentFile);
                if (atPath is not null && atPath != FileIdentity.OfHandle(current.SafeFileHandle))
                {
                    // Rotated: finish the old file (the writer may have added lines before it
                    // moved), then start the new one from its beginning.
                    await foreach (var record in _reader.ReadFileAsync(current, location.CurrentFile, cancellationToken, lines).ConfigureAwait(false))
                    {
                        yield return record;
                    }

                    await current.DisposeAsync().ConfigureAwait(false);
                    lines.Reset();
                    current = await OpenCurrentAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (current.Length < current.Position)
                {
                    current.Position = 0;
                    lines.Reset();
                }
            }
        }
        finally
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens the current file, waiting for it when the agent has not created it yet.</summary>
    private async Task<FileStream> OpenCurrentAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return FlowLogReader.OpenShared(location.CurrentFile);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                await Task.Delay(_poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
