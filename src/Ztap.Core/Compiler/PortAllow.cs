namespace Ztap.Core.Compiler;

/// <summary>A port range a rule table allows for one (peer, protocol) key, with the first rule allowing it.</summary>
internal readonly record struct PortAllow(int From, int To, RuleKey Rule);
