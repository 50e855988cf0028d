using System.Net;
using System.Runtime.InteropServices;
using Ztap.Core.Addressing;

namespace Ztap.Core.Inventory;

/// <summary>
/// The position of the workload that owns each address, keyed by the address's value. Tables of
/// numbers alone: with tens of thousands of workloads, a table of references is one more large
/// thing the collector has to trace while the inventory is read, and hashing an address's value
/// is cheaper than hashing the object.
/// </summary>
internal sealed class WorkloadAddressIndex
{
    public const int None = -1;

    private readonly Dictionary<uint, int> _v4 = [];
    private readonly Dictionary<UInt128, int> _v6 = [];

    /// <summary>Gives the address to the workload at <paramref name="position"/> unless another owns it; returns that owner, or <see cref="None"/>.</summary>
    public int Claim(IPAddress address, int position)
    {
        ref var owner = ref Slot(address, out var taken);
        if (taken)
        {
            return owner;
        }

        owner = position;
        return None;
    }

    /// <summary>Gives the address to the workload at <paramref name="position"/>, whoever owned it.</summary>
    public void Assign(IPAddress address, int position) => Slot(address, out _) = position;

    /// <summary>Takes the address back from the workload at <paramref name="position"/> when it owns it.</summary>
    public void Release(IPAddress address, int position)
    {
        if (Find(address) == position)
        {
            _ = AddressKey.IsV4(address) ? _v4.Remove(AddressKey.ToUInt32(address)) : _v6.Remove(AddressKey.ToUInt128(address));
        }
    }

    /// <summary>The position of the address's owner, or <see cref="None"/>.</summary>
    public int Find(IPAddress address) =>
        (AddressKey.IsV4(address) ? _v4.TryGetValue(AddressKey.ToUInt32(address), out var owner) : _v6.TryGetValue(AddressKey.ToUInt128(address), out owner))
            ? owner
            : None;

    /// <summary>Gives back the room the tables grew into and do not use, before they are kept with an inventory.</summary>
    public void TrimExcess()
    {
        _v4.TrimExcess();
        _v6.TrimExcess();
    }

    public void Clear()
    {
        _v4.Clear();
        _v6.Clear();
    }

    private ref int Slot(IPAddress address, out bool taken) => ref AddressKey.IsV4(address)
        ? ref CollectionsMarshal.GetValueRefOrAddDefault(_v4, AddressKey.ToUInt32(address), out taken)
        : ref CollectionsMarshal.GetValueRefOrAddDefault(_v6, AddressKey.ToUInt128(address), out taken);
}
