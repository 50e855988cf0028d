using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Policy;

/// <summary>What one policy file gave: its documents in order, and what is wrong with them.</summary>
internal sealed record PolicyFileResult(List<PolicyDocument> Documents, List<Diagnostic> Diagnostics)
{
    private ImmutableArray<NetworkPolicy> _policies;

    /// <summary>
    /// The valid documents' policies, taken once: a reload copies them whole for each file it did not
    /// read again rather than visiting each document. Only asked once the documents are final.
    /// </summary>
    public ImmutableArray<NetworkPolicy> Policies =>
        _policies.IsDefault ? _policies = [.. Documents.Select(d => d.Policy).OfType<NetworkPolicy>()] : _policies;
}
