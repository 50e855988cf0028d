using Ztap.Core.Flows;

namespace Ztap.Enforcement;

/// <summary>
/// The verdicts a backend reports from the kernel, as <see cref="FlowRecord"/>s for the flow log:
/// the eBPF datapath's ring buffer, or the denied packets nftables sends to an NFLOG group. A reader
/// names policies by the set it was opened with, so each applied version needs a reader of its own.
/// </summary>
public interface IFlowReader : IDisposable
{
    /// <summary>Verdicts lost between the kernel and the consumer because a queue on the way was full.</summary>
    long Dropped { get; }

    /// <summary>The records as they arrive, until the reader is disposed or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<FlowRecord> ReadAllAsync(CancellationToken cancellationToken);
}
