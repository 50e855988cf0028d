using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// One ipBlock a subject may reach (egress) or be reached from (ingress) on a protocol and port
/// range, as a backend installs it: every address in the block's cidr outside its excepts.
/// </summary>
/// <param name="Protocol">Null for every protocol.</param>
/// <param name="Rule">The rule that allows it.</param>
/// <param name="PolicyNumber">The number of that rule's policy, as in <see cref="AllowEntry"/>.</param>
/// <param name="PolicyRank">The rank of that rule's policy, as in <see cref="AllowEntry"/>.</param>
public readonly record struct BlockAllowEntry(IpBlock Block, Protocol? Protocol, int FromPort, int ToPort, RuleReference Rule, int PolicyNumber, int PolicyRank);
