using Prometheus;

namespace Ztap.Observability.Metrics;

/// <summary>
/// The three exported series of one policy, kept so a scrape updates them directly instead of
/// looking each one up by its labels: with 10,000 policies that is 30,000 lookups saved per scrape.
/// </summary>
internal sealed record PolicySeries(Counter.Child Allowed, Counter.Child Blocked, Counter.Child Audited);
