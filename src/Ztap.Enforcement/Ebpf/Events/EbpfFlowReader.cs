using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Ztap.Core.Compiler;
using Ztap.Core.Flows;
using Ztap.Enforcement.Ebpf.Kernel;
using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Events;

/// <summary>
/// Reads the datapath's verdict events from its pinned ring buffer as <see cref="FlowRecord"/>s. A
/// dedicated thread polls the ring and copies each event out inside libbpf's callback; a bounded
/// queue drops the oldest events rather than grow, and the kernel's counters stay exact anyway.
/// </summary>
public sealed unsafe class EbpfFlowReader : IFlowReader
{
    private const int QueueCapacity = 65536;
    private const int PollTimeoutMs = 100;
    private const int BatchIntervalMs = 50;
    private const int Eintr = 4;

    private readonly BpfMap _events;
    private readonly FlowEventTranslator _translator;
    private readonly Channel<FlowEvent> _queue = Channel.CreateBounded<FlowEvent>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _poller;
    private GCHandle _self;
    private nint _ring;

    /// <param name="named">The policy names of the versions applied last, by generation (<see cref="FlowEventTranslator"/>).</param>
    public EbpfFlowReader(
        EbpfLocation location, PolicySet set, IEnumerable<AttachedWorkload> attached, IReadOnlyList<(uint Generation, ImmutableArray<string> Policies)> named)
    {
        _events = BpfMap.OpenPinned(Path.Join(location.PinRoot, "ztap_events"))
            ?? throw new EnforcementException(EnforcementFailure.KernelError, $"no datapath is installed under {location.PinRoot}: apply a policy set first");
        _translator = new FlowEventTranslator(set, named);
        foreach (var workload in attached)
        {
            _translator.Attach(workload);
        }

        _self = GCHandle.Alloc(this);
        _ring = LibBpf.RingBufferNew(_events.Fd, &OnEvent, GCHandle.ToIntPtr(_self), null);
        if (_ring == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _self.Free();
            _events.Dispose();
            throw new EnforcementException(EnforcementFailure.KernelError, $"opening the event ring buffer: {Errno.Describe(errno)}");
        }

        _poller = new Thread(Poll) { IsBackground = true, Name = "ztap ring buffer" };
        _poller.Start();
    }

    /// <summary>Events lost in this reader's queue because its consumer fell behind.</summary>
    public long Dropped { get; private set; }

    public async IAsyncEnumerable<FlowRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            yield return _translator.Translate(e);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _poller.Join();
        LibBpf.RingBufferFree(_ring);
        _ring = 0;
        _self.Free();
        _events.Dispose();
        _stop.Dispose();
        _queue.Writer.TryComplete();
    }

    private void Poll()
    {
        while (!_stop.IsCancellationRequested)
        {
            var result = LibBpf.RingBufferPoll(_ring, PollTimeoutMs);
            if (result < 0 && Errno.Of(result) != Eintr)
            {
                _queue.Writer.TryComplete(new EnforcementException(EnforcementFailure.KernelError, $"polling the event ring buffer: {Errno.Describe(Errno.Of(result))}"));
                return;
            }

            // The ring wakes its reader on every event. After a batch, let the next one gather
            // (the 4 MiB ring holds about 43,000 events) rather than wake once per event, which at
            // a thousand flows a second cost more CPU than everything else the agent does.
            if (result > 0)
            {
                _stop.Token.WaitHandle.WaitOne(BatchIntervalMs);
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnEvent(nint context, void* data, nuint size)
    {
        if (size < (nuint)sizeof(FlowEvent) || GCHandle.FromIntPtr(context).Target is not EbpfFlowReader reader)
        {
            return 0;
        }

        if (reader._queue.Reader.Count >= QueueCapacity)
        {
            reader.Dropped++;
        }

        reader._queue.Writer.TryWrite(*(FlowEvent*)data);
        return 0;
    }
}
