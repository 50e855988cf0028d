namespace Ztap.Core.Compiler;

/// <summary>
/// Gives identities numbers derived from their content, so an identity keeps its number when other
/// identities come and go and a policy change rewrites only the kernel entries it touches.
/// Collisions are resolved by probing in key order, which keeps the result deterministic.
/// </summary>
internal static class IdentityNumbers
{
    // 24 bits, as in Cilium's cluster-local identity space; the datapath keys fit in 32 bits with room to spare.
    private const uint Space = (1u << 24) - Identity.FirstComputedNumber;

    /// <param name="keys">Distinct keys, so their order is total.</param>
    public static uint[] Assign(string[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((string[])keys.Clone(), order, StringComparer.Ordinal);
        var taken = new HashSet<uint>(keys.Length);
        var numbers = new uint[keys.Length];
        foreach (var index in order)
        {
            var candidate = (uint)(Fnv1a(keys[index]) % Space);
            while (!taken.Add(candidate))
            {
                candidate = (candidate + 1) % Space;
            }

            numbers[index] = Identity.FirstComputedNumber + candidate;
        }

        return numbers;
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
