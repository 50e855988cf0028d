using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>The deletions and insertions-or-updates that bring a map from one image to another.</summary>
internal sealed record MapChanges<TKey, TValue>(TKey[] Deletions, TKey[] UpsertKeys, TValue[] UpsertValues)
    where TKey : unmanaged, IMapKey<TKey>
    where TValue : unmanaged
{
    public bool IsEmpty => Deletions.Length == 0 && UpsertKeys.Length == 0;

    /// <summary>How many entries the changes delete or write.</summary>
    public int Count => Deletions.Length + UpsertKeys.Length;
}
