using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Ztap.Core.Compiler;
using Ztap.Enforcement;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Agent;

/// <summary>
/// Feeds the backend's verdict events (the eBPF ring buffer, nftables' NFLOG group) into the pipeline. Events name policies by their index in
/// the applied set, so each applied version gets a reader of its own: the old reader is closed
/// (its queued events still pass) before the new one opens the ring where the old one stopped.
/// </summary>
internal sealed class FlowEventSource(IEnforcer enforcer, FlowPipeline pipeline, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);

    private IFlowReader? _reader;
    private Task _pump = Task.CompletedTask;
    private long _droppedByClosedReaders;

    /// <summary>Events the ring buffer reader dropped because the pipeline fell behind it.</summary>
    public long Dropped => _droppedByClosedReaders + (_reader?.Dropped ?? 0);

    /// <summary>Reads the events of a newly applied set; events that cannot be read are logged, and enforcement goes on without them.</summary>
    public async Task StartAsync(PolicySet set, ImmutableArray<AttachedWorkload> attached)
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            var reader = await enforcer.OpenFlowReaderAsync(set, attached, CancellationToken.None).ConfigureAwait(false);
            _reader = reader;
            _pump = Task.Run(() => PumpAsync(reader));
        }
        catch (EnforcementException exception)
        {
            AgentLog.EventsFailed(logger, exception.Message);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopAsync()
    {
        if (_reader is not { } reader)
        {
            return;
        }

        reader.Dispose();
        await _pump.ConfigureAwait(false);
        _droppedByClosedReaders += reader.Dropped;
        _reader = null;
    }

    private async Task PumpAsync(IFlowReader reader)
    {
        try
        {
            var records = reader.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator(CancellationToken.None);
            await using (records.ConfigureAwait(false))
            {
                while (true)
                {
                    // Take what has arrived without waiting; when nothing has, let events gather for
                    // a moment before asking again. Awaiting each event instead would wake a thread
                    // pool thread per event, which at a thousand flows a second costs more than all
                    // the rest of the agent's work (the reader's queue holds 65,536 meanwhile).
                    var next = records.MoveNextAsync();
                    if (!next.IsCompleted)
                    {
                        await Task.Delay(BatchInterval).ConfigureAwait(false);
                    }

                    if (!await next.ConfigureAwait(false))
                    {
                        return;
                    }

                    pipeline.Offer(records.Current);
                }
            }
        }
        catch (EnforcementException exception)
        {
            AgentLog.EventsFailed(logger, exception.Message);
        }
    }
}
