using System.Runtime.InteropServices;

namespace Ztap.Core.Collections;

/// <summary>One object for equal values read apart: the first one kept stands for every later one.</summary>
internal static class Interning
{
    /// <summary>The value kept under the key, or <paramref name="value"/>, kept from now on.</summary>
    public static TValue Share<TKey, TValue>(this Dictionary<TKey, TValue> kept, TKey key, TValue value)
        where TKey : notnull
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(kept, key, out var exists);
        if (!exists)
        {
            slot = value;
        }

        return slot!;
    }
}
