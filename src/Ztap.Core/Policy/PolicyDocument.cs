using Ztap.Core.Diagnostics;

namespace Ztap.Core.Policy;

/// <summary>
/// One YAML document read as a policy: the policy when it is valid, and its name and where the
/// name is written even when it is not, so duplicates are found across every document.
/// </summary>
internal sealed record PolicyDocument(string? QualifiedName, SourceLocation NameLocation, NetworkPolicy? Policy);
