using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// An ipBlock allowed on some ports: peers whose innermost policy CIDR cell lies in
/// [<see cref="CellStart"/>, <see cref="CellEnd"/>) match. An ipBlock with excepts is several of these.
/// </summary>
internal readonly record struct BlockAllow(IpBlock Block, int CellStart, int CellEnd, byte Protocol, int From, int To, RuleKey Rule)
{
    public bool Matches(int cell, byte protocol, int port) =>
        cell >= CellStart && cell < CellEnd
        && (Protocol == RuleTable.AnyProtocol || Protocol == protocol)
        && port >= From && port <= To;
}
