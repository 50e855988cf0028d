using System.Collections.Immutable;
using System.Net;

namespace Ztap.Core.Policy;

/// <summary>An <c>ipBlock</c> peer: every address in <see cref="Cidr"/> that is in none of <see cref="Except"/>.</summary>
public sealed record IpBlock(IPNetwork Cidr, ImmutableArray<IPNetwork> Except)
{
    public bool Contains(IPAddress address)
    {
        if (!Cidr.Contains(address))
        {
            return false;
        }

        foreach (var excluded in Except)
        {
            if (excluded.Contains(address))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Except.IsEmpty
        ? Cidr.ToString()
        : $"{Cidr} except {string.Join(", ", Except)}";
}
