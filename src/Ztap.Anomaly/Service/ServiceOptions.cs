namespace Ztap.Anomaly.Service;

/// <summary>The limits of the detector service.</summary>
/// <param name="MaxRequestBytes">The largest request body accepted; bigger ones get 413.</param>
/// <param name="MaxFlowsPerRequest">The most flows one train or batch request may carry.</param>
public sealed record ServiceOptions(int MaxRequestBytes = 16 * 1024 * 1024, int MaxFlowsPerRequest = 100_000);
