using System.Threading.Channels;

namespace Ztap.Cli.Agent;

/// <summary>
/// Watches the policy and inventory files and folders and says when they changed and then stayed
/// unchanged for the debounce time, so an editor's burst of writes (temporary file, rename,
/// chmod) or a `git pull` of many files is reloaded once. A lost inotify event (overflow) counts
/// as a change: reloading an unchanged set is harmless.
/// </summary>
internal sealed class PolicyWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TimeSpan _debounce;

    public PolicyWatcher(IEnumerable<string> paths, TimeSpan debounce)
    {
        _debounce = debounce;
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var watcher = Directory.Exists(path)
                ? new FileSystemWatcher(path) { IncludeSubdirectories = true }
                : new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path));
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Returns once a change has been followed by a quiet debounce period.</summary>
    public async Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        do
        {
            await Task.Delay(_debounce, cancellationToken).ConfigureAwait(false);
        }
        while (_changes.Reader.TryRead(out _));
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private void Signal() => _changes.Writer.TryWrite(true);
}
