namespace Ztap.Core.Compiler;

/// <summary>
/// A rule as rule tables hold it: its policy's rank (<see cref="PolicyOrder"/>) and its index among
/// that policy's rules of the table's direction, packed so that keys order as the rules do. Unlike a
/// position in <see cref="PolicySet.Rules"/>, a key does not move when another policy gains or loses
/// a rule or is added or removed, so such an edit leaves every other policy's tables as they were.
/// </summary>
internal readonly record struct RuleKey(long Value) : IComparable<RuleKey>
{
    /// <summary>Greater than every rule's key: what "no rule" compares as.</summary>
    public static readonly RuleKey None = new(long.MaxValue);

    public static RuleKey Of(int rank, int index) => new(((long)rank << 32) | (uint)index);

    public int Rank => (int)(Value >> 32);

    public int Index => (int)Value;

    public static RuleKey Min(RuleKey a, RuleKey b) => a.Value <= b.Value ? a : b;

    public int CompareTo(RuleKey other) => Value.CompareTo(other.Value);
}
