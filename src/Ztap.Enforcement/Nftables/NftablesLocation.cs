namespace Ztap.Enforcement.Nftables;

/// <summary>Where the nftables backend keeps its state, and which network namespace it filters.</summary>
/// <param name="StateDirectory">The applied version and names for status; /var/lib/ztap unless ZTAP_STATE_DIR says otherwise.
/// Hosts sharing a machine as network namespaces each need their own.</param>
/// <param name="NetworkNamespace">A namespace file (/run/netns/NAME) to enter for nft and ip; null for ztap's own.</param>
public sealed record NftablesLocation(string StateDirectory, string? NetworkNamespace = null)
{
    public static NftablesLocation FromEnvironment() => new(ZtapStateDirectory.FromEnvironment());
}
