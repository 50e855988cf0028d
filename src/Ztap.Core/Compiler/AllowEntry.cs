using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// One allowed (peer, protocol, port range) of a subject in one direction, as a backend installs it.
/// </summary>
/// <param name="Peer">The peer identity's number, or null for any peer, including addresses outside every prefix.</param>
/// <param name="Protocol">Null for every protocol.</param>
/// <param name="Rule">The first rule that allows this entry.</param>
/// <param name="RulePosition">That rule's position in <see cref="PolicySet.Rules"/>, by which backends number counters and events.</param>
public readonly record struct AllowEntry(uint? Peer, Protocol? Protocol, int FromPort, int ToPort, RuleReference Rule, int RulePosition);
