namespace Ztap.Core.Compiler;

/// <summary>
/// How a set's rule tables and entries name its policies instead of by position, which moves for
/// every later policy when one is added or removed. A policy's rank orders it as the set lists
/// policies, with gaps left for policies added later; its number is dense, reused once its policy
/// is gone, for backends that count per policy. An edit keeps every other policy's rank and number,
/// so the tables of the groups it does not touch, and what backends built from them, stay as they were.
/// </summary>
internal sealed class PolicyOrder
{
    // Ranks stay below this, so a rule's key (rank, index) stays below RuleKey.None.
    private const int RankLimit = int.MaxValue;

    // The widest gap a fresh order leaves: room for 16 policies added one by one between two
    // neighbours, each halving the gap, before an addition needs a full compilation.
    private const int MaxSpacing = 1 << 16;

    private readonly int[] _ranks;
    private readonly int[] _numbers;
    private readonly int[] _positionOfNumber;
    private readonly int _spacing;

    private PolicyOrder(int[] ranks, int[] numbers, int spacing)
    {
        _ranks = ranks;
        _numbers = numbers;
        _spacing = spacing;
        _positionOfNumber = new int[numbers.Length == 0 ? 0 : numbers.Max() + 1];
        Array.Fill(_positionOfNumber, -1);
        for (var position = 0; position < numbers.Length; position++)
        {
            _positionOfNumber[numbers[position]] = position;
        }
    }

    /// <summary>One more than the highest number a policy has: what a table counting by number needs.</summary>
    public int NumberBound => _positionOfNumber.Length;

    /// <summary>The order of a fully compiled set: ranks evenly spread, numbers equal to positions.</summary>
    public static PolicyOrder Fresh(int count)
    {
        var spacing = Math.Clamp(RankLimit / (count + 2), 1, MaxSpacing);
        var ranks = new int[count];
        var numbers = new int[count];
        for (var position = 0; position < count; position++)
        {
            ranks[position] = (position + 1) * spacing;
            numbers[position] = position;
        }

        return new PolicyOrder(ranks, numbers, spacing);
    }

    public int Rank(int position) => _ranks[position];

    public int Number(int position) => _numbers[position];

    /// <summary>The position of the policy of a rank this order gives.</summary>
    public int PositionOfRank(int rank)
    {
        // Until policies are added or removed, a rank is a multiple of the spacing.
        var guess = (rank / _spacing) - 1;
        return (uint)guess < (uint)_ranks.Length && _ranks[guess] == rank ? guess : Array.BinarySearch(_ranks, rank);
    }

    /// <summary>The position of the policy of a number, -1 when no policy has it.</summary>
    public int PositionOfNumber(int number) => (uint)number < (uint)_positionOfNumber.Length ? _positionOfNumber[number] : -1;

    /// <summary>
    /// The order after an edit: a policy that continues one of this order (<see cref="PolicyEdits.Continued"/>)
    /// keeps its rank and number; an added one gets a rank between its neighbours' and the lowest
    /// number no policy keeps. Null when an addition finds no rank left between its neighbours.
    /// </summary>
    public PolicyOrder? Edit(int[] continued)
    {
        var ranks = new int[continued.Length];
        var numbers = new int[continued.Length];
        var kept = new bool[NumberBound];
        for (var position = 0; position < continued.Length; position++)
        {
            if (continued[position] >= 0)
            {
                ranks[position] = _ranks[continued[position]];
                numbers[position] = _numbers[continued[position]];
                kept[numbers[position]] = true;
            }
        }

        var freeNumber = 0;
        for (var start = 0; start < continued.Length;)
        {
            if (continued[start] >= 0)
            {
                start++;
                continue;
            }

            var end = start;
            while (end < continued.Length && continued[end] < 0)
            {
                end++;
            }

            if (!PlaceAdded(ranks, start, end))
            {
                return null;
            }

            for (var position = start; position < end; position++)
            {
                while (freeNumber < kept.Length && kept[freeNumber])
                {
                    freeNumber++;
                }

                numbers[position] = freeNumber++;
            }

            start = end;
        }

        return new PolicyOrder(ranks, numbers, _spacing);
    }

    // Spreads the ranks of the added policies at [start, end) evenly between their neighbours'; at
    // either end of the list, one spacing apart, as a fresh order would place them.
    private bool PlaceAdded(int[] ranks, int start, int end)
    {
        var count = end - start;
        if (start == 0 && end == ranks.Length)
        {
            for (var position = 0; position < count; position++)
            {
                ranks[position] = (position + 1) * _spacing;
            }

            return true;
        }

        var room = (long)_spacing * (count + 1);
        var lower = start > 0 ? ranks[start - 1] : Math.Max(-1, ranks[end] - room);
        var upper = end < ranks.Length ? ranks[end] : Math.Min(RankLimit, lower + room);
        var step = (upper - lower) / (count + 1);
        if (step < 1)
        {
            return false;
        }

        for (var position = start; position < end; position++)
        {
            ranks[position] = (int)(lower + (step * (position - start + 1)));
        }

        return true;
    }
}
