using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// One allowed (peer, protocol, port range) of a subject in one direction, as a backend installs it.
/// </summary>
/// <param name="Peer">The peer identity's number, or null for any peer, including addresses outside every prefix.</param>
/// <param name="Protocol">Null for every protocol.</param>
/// <param name="Rule">The first rule that allows this entry.</param>
/// <param name="PolicyNumber">
/// The number of that rule's policy (<see cref="PolicySet.PolicyByNumber"/>): dense, for counting per
/// policy. With the rule's index in its policy, it names the rule the same way after an edit that adds
/// or removes other policies or their rules, which positions in the set would not.
/// </param>
/// <param name="PolicyRank">Orders that rule's policy among the set's as the set lists them, and stays put like its number.</param>
public readonly record struct AllowEntry(uint? Peer, Protocol? Protocol, int FromPort, int ToPort, RuleReference Rule, int PolicyNumber, int PolicyRank);
