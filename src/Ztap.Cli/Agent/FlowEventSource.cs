using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Ztap.Core.Compiler;
using Ztap.Enforcement;
using Ztap.Enforcement.Ebpf;
using Ztap.Enforcement.Ebpf.Events;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Agent;

/// <summary>
/// Feeds the datapath's verdict events into the pipeline. Events name policies by their index in
/// the applied set, so each applied version gets a reader of its own: the old reader is closed
/// (its queued events still pass) before the new one opens the ring where the old one stopped.
/// </summary>
internal sealed class FlowEventSource(EbpfLocation location, FlowPipeline pipeline, ILogger logger) : IAsyncDisposable
{
    private EbpfFlowReader? _reader;
    private Task _pump = Task.CompletedTask;
    private long _droppedByClosedReaders;

    /// <summary>Events the ring buffer reader dropped because the pipeline fell behind it.</summary>
    public long Dropped => _droppedByClosedReaders + (_reader?.Dropped ?? 0);

    /// <summary>Reads the events of a newly applied set; a ring buffer that cannot be opened is logged, and enforcement goes on without events.</summary>
    public async Task StartAsync(PolicySet set, ImmutableArray<AttachedWorkload> attached)
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            var reader = new EbpfFlowReader(location, set, attached);
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

    private async Task PumpAsync(EbpfFlowReader reader)
    {
        try
        {
            await foreach (var record in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                pipeline.Offer(record);
            }
        }
        catch (EnforcementException exception)
        {
            AgentLog.EventsFailed(logger, exception.Message);
        }
    }
}
