using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Core.Tests.Policy;

namespace Ztap.Core.Tests.Compiler;

public sealed class PolicyEditsTests
{
    private static readonly ImmutableArray<NetworkPolicy> Previous = [.. Enumerable.Range(0, 12).Select(Named)];

    [Fact]
    public void A_policy_added_between_others_continues_none_and_moves_no_other()
    {
        NetworkPolicy[] policies = [.. Previous[..5], Named(99), .. Previous[5..]];

        var edits = PolicyEdits.Find(Previous, policies)!;

        Assert.Equal([.. Enumerable.Range(0, 5), -1, .. Enumerable.Range(5, 7)], edits.Continued);
        Assert.Equal([5], edits.Edited);
        Assert.Empty(edits.Removed);
    }

    [Fact]
    public void A_policy_in_the_place_of_a_removed_one_continues_it_as_an_edit()
    {
        NetworkPolicy[] policies = [.. Previous[..3], Named(99), .. Previous[4..9], .. Previous[10..]];

        var edits = PolicyEdits.Find(Previous, policies)!;

        Assert.Equal(3, edits.Continued[3]);
        Assert.Equal(11, edits.Continued[^1]);
        Assert.Equal([3], edits.Edited);
        Assert.Equal([9], edits.Removed);
        Assert.Equal([3, 9], edits.Replaced);
    }

    [Fact]
    public void Policies_in_another_order_are_not_an_edit()
    {
        NetworkPolicy[] policies = [Previous[1], Previous[0], .. Previous[2..]];

        Assert.Null(PolicyEdits.Find(Previous, policies));
    }

    [Fact]
    public void More_changes_than_a_few_are_not_an_edit()
    {
        NetworkPolicy[] policies = [.. Enumerable.Range(0, 5).Select(i => Named(100 + i)), .. Previous];

        Assert.Null(PolicyEdits.Find(Previous, policies));
    }

    private static NetworkPolicy Named(int index) => PolicyText.Single($$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p{{index}}}
        spec:
          podSelector: {}
        """);
}
