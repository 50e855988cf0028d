using Ztap.Core.Diagnostics;

namespace Ztap.Core.Policy;

/// <summary>What one policy file gave: its documents in order, and what is wrong with them.</summary>
internal sealed record PolicyFileResult(List<PolicyDocument> Documents, List<Diagnostic> Diagnostics);
