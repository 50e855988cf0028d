using System.Diagnostics;
using System.Globalization;
using Ztap.Core.Flows;
using Ztap.Observability.FlowLog;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>
/// <c>ztap agent</c> running as its own process against a scene, its flow log in a folder of its
/// own. Its log lines are collected as they come so a test can wait for one; disposing kills it.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _reading;

    private AgentProcess(Process process, FlowLogLocation log)
    {
        _process = process;
        Log = log;
        _reading = Task.WhenAll(Collect(process.StandardOutput), Collect(process.StandardError));
    }

    public FlowLogLocation Log { get; }

    public int Id => _process.Id;

    public static AgentProcess Start(Scene scene, FlowLogLocation log, params string[] arguments) => new(
        ZtapProcess.Start(scene.Location, new Dictionary<string, string> { [FlowLogLocation.DirectoryVariable] = log.Directory }, ["agent", .. arguments]),
        log);

    /// <summary>The agent as one side's host would run it with nftables: in that side's network namespace, with a state folder of its own.</summary>
    public static AgentProcess StartOnHost(Scene scene, string side, FlowLogLocation log, params string[] arguments)
    {
        var host = scene.NftablesHost(side);
        var location = scene.Location with { StateDirectory = host.StateDirectory };
        return new(
            ZtapProcess.StartIn(host.NetworkNamespace, location, new Dictionary<string, string> { [FlowLogLocation.DirectoryVariable] = log.Directory }, ["agent", .. arguments]),
            log);
    }

    /// <summary>Everything the agent has printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Waits until the agent has printed <paramref name="count"/> lines containing the text, and returns them.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string text, int count = 1)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            List<string> matching;
            lock (_lines)
            {
                matching = [.. _lines.Where(l => l.Contains(text, StringComparison.Ordinal))];
            }

            if (matching.Count >= count)
            {
                return matching;
            }

            if (_process.HasExited)
            {
                await _reading;
                throw new InvalidOperationException($"the agent exited ({_process.ExitCode}) before printing \"{text}\":\n{Output}");
            }

            await Task.Delay(50, patience.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Fetches the agent's <c>/metrics</c> page, at the address its log says it serves on.</summary>
    public async Task<string> ScrapeAsync()
    {
        const string prefix = "serving metrics on ";
        var line = (await WaitForAsync(prefix))[0];
        var url = line[(line.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Trim();
        using var client = new HttpClient();
        return await client.GetStringAsync(new Uri(url));
    }

    /// <summary>Waits until the flow log holds a record that matches.</summary>
    public async Task<FlowRecord> WaitForRecordAsync(Func<FlowRecord, bool> match)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            await foreach (var record in new FlowLogReader(Log, FlowFilter.All).ReadAsync(patience.Token))
            {
                if (match(record))
                {
                    return record;
                }
            }

            await Task.Delay(100, patience.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Sends SIGTERM, as systemd stops a service, and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Shell.Run("kill", "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture));
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        await _reading;
        return _process.ExitCode;
    }

    /// <summary>Kills it with SIGKILL: no chance to flush or clean up, as in a crash.</summary>
    public async Task CrashAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        await _reading;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await CrashAsync();
        }

        _process.Dispose();
    }

    private async Task Collect(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
