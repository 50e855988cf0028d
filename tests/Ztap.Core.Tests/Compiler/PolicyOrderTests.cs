using Ztap.Core.Compiler;

namespace Ztap.Core.Tests.Compiler;

public sealed class PolicyOrderTests
{
    [Fact]
    public void An_added_policy_ranks_between_its_neighbours_and_takes_the_lowest_free_number()
    {
        var order = PolicyOrder.Fresh(4);
        var edited = order.Edit([0, -1, 2, 3, -1])!;

        Assert.InRange(edited.Rank(1), order.Rank(0) + 1, order.Rank(2) - 1);
        Assert.True(edited.Rank(4) > order.Rank(3));
        Assert.Equal([0, 1, 2, 3], new[] { 0, 2, 3 }.Select(edited.Number).Append(edited.Number(1)).Order());
        Assert.Equal(4, edited.Number(4));
        Assert.Equal(1, edited.PositionOfNumber(edited.Number(1)));
        Assert.Equal(1, edited.PositionOfRank(edited.Rank(1)));
        Assert.Equal(-1, order.Edit([0, 2, 3])!.PositionOfNumber(1));
    }

    [Fact]
    public void Policies_added_again_and_again_in_one_place_run_out_of_ranks_there()
    {
        var order = PolicyOrder.Fresh(2);
        var count = 2;
        var additions = 0;
        while (order.Edit([0, -1, .. Enumerable.Range(1, count - 1)]) is { } edited)
        {
            order = edited;
            count++;
            additions++;
        }

        Assert.InRange(additions, 10, 20);
    }
}
