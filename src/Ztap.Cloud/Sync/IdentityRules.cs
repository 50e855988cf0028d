using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// The rules of each identity in each direction, asked of the <see cref="PolicySet"/> once: many
/// instances share an identity, and building the entries is the costly part.
/// </summary>
internal sealed class IdentityRules(PolicySet set)
{
    private readonly Dictionary<(uint, Direction), SubjectRules> _cache = [];

    public SubjectRules Of(Identity identity, Direction direction)
    {
        if (!_cache.TryGetValue((identity.Number, direction), out var rules))
        {
            rules = set.RulesOf(identity, direction);
            _cache.Add((identity.Number, direction), rules);
        }

        return rules;
    }
}
