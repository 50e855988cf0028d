using System.Net;

namespace Ztap.Core.Addressing;

/// <summary>
/// Sorts prefixes by family (IPv4 first), first address and length, which puts every prefix before
/// the prefixes inside it: the order the longest-prefix table is built in and backends see.
/// IPv4 prefixes sort on one 64-bit number each, so a table of a hundred thousand workload
/// addresses sorts without a comparer call per comparison.
/// </summary>
internal static class PrefixOrder
{
    /// <summary>Sorts the prefixes in place, and the values alongside them when given.</summary>
    public static void Sort(IPNetwork[] prefixes, int[]? values = null)
    {
        var v4 = new List<ulong>(prefixes.Length);
        var v4Positions = new List<int>(prefixes.Length);
        var v6 = new List<V6Key>();
        for (var i = 0; i < prefixes.Length; i++)
        {
            var prefix = prefixes[i];
            if (AddressKey.IsV4(prefix.BaseAddress))
            {
                v4.Add(((ulong)AddressKey.ToUInt32(prefix.BaseAddress) << 8) | (uint)prefix.PrefixLength);
                v4Positions.Add(i);
            }
            else
            {
                v6.Add(new V6Key(AddressKey.ToUInt128(prefix.BaseAddress), prefix.PrefixLength, i));
            }
        }

        var v4Keys = v4.ToArray();
        var order = new int[prefixes.Length];
        v4Positions.CopyTo(order);
        Array.Sort(v4Keys, order, 0, v4Keys.Length);
        var v6Keys = v6.ToArray();
        Array.Sort(v6Keys);
        for (var i = 0; i < v6Keys.Length; i++)
        {
            order[v4Keys.Length + i] = v6Keys[i].Position;
        }

        Permute(prefixes, order);
        if (values is not null)
        {
            Permute(values, order);
        }
    }

    private static void Permute<T>(T[] items, int[] order)
    {
        var sorted = new T[items.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = items[order[i]];
        }

        sorted.CopyTo(items, 0);
    }

    private readonly record struct V6Key(UInt128 First, int Length, int Position) : IComparable<V6Key>
    {
        public int CompareTo(V6Key other)
        {
            var order = First.CompareTo(other.First);
            return order != 0 ? order : Length.CompareTo(other.Length);
        }
    }
}
