using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ztap.Core.Collections;
using Ztap.Core.Labels;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// One object for each value a file's policies repeat. Policies repeat selectors (each may allow DNS
/// from the same two), peers, ports, their lists and whole rules (the same DNS egress in every policy): a
/// 10,000-policy estate's 53,000 selectors are 11,000 distinct ones and its 40,200 rules 28,500,
/// nearly all of them repeated within their own file. Kept by the file's reading context, and
/// dropped with it. Peers and ports are records, equal when their parts are: a peer's selectors
/// are shared first, and an ipBlock's except list compares by reference, so equal ipBlocks read
/// apart stay apart, which costs memory but never merges different peers.
/// </summary>
internal sealed class SharedValues
{
    private static readonly ConditionalWeakTable<YamlReadContext, SharedValues> ByFile = new();

    private readonly Dictionary<(LabelSet, string), LabelSelector> _selectors = [];
    private readonly Dictionary<PolicyPeer, PolicyPeer> _peers = [];
    private readonly Dictionary<PolicyPort, PolicyPort> _ports = [];
    private readonly Dictionary<ImmutableArray<PolicyPeer>, ImmutableArray<PolicyPeer>> _peerLists = new(ElementwiseComparer<PolicyPeer>.Instance);
    private readonly Dictionary<ImmutableArray<PolicyPort>, ImmutableArray<PolicyPort>> _portLists = new(ElementwiseComparer<PolicyPort>.Instance);
    private readonly Dictionary<PolicyRule, PolicyRule> _rules = new(PolicyEquality.Rules);

    public static SharedValues Of(YamlReadContext context) => ByFile.GetOrCreateValue(context);

    public LabelSelector Share(LabelSelector selector) => _selectors.Share(SelectorKey.Of(selector), selector);

    public PolicyPeer Share(PolicyPeer peer) => _peers.Share(peer, peer);

    public PolicyPort Share(PolicyPort port) => _ports.Share(port, port);

    public ImmutableArray<PolicyPeer> Share(ImmutableArray<PolicyPeer> peers) => _peerLists.Share(peers, peers);

    public ImmutableArray<PolicyPort> Share(ImmutableArray<PolicyPort> ports) => _portLists.Share(ports, ports);

    public PolicyRule Share(PolicyRule rule) => _rules.Share(rule, rule);
}
