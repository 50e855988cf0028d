using System.CommandLine;
using Ztap.Enforcement;
using Ztap.Enforcement.Ebpf;
using Ztap.Enforcement.Nftables;
using Ztap.Enforcement.Pf;

namespace Ztap.Cli.Commands;

/// <summary>The enforcement backends by name, and the <c>--backend</c> option that picks one.</summary>
internal static class Backends
{
    public static IEnforcer Create(string name) => name switch
    {
        "ebpf" => new EbpfEnforcer(EbpfLocation.FromEnvironment()),
        "nftables" => new NftablesEnforcer(NftablesLocation.FromEnvironment()),
        "pf" => new PfEnforcer(PfLocation.FromEnvironment()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a backend"),
    };

    /// <summary>The backend status and remove act on: the one named, else the one the last enforce recorded.</summary>
    public static IEnforcer Installed(string? named) =>
        Create(named ?? BackendSelection.Installed(ZtapStateDirectory.FromEnvironment()));

    public static Option<string> Option(bool withAuto, string description)
    {
        var option = new Option<string>("--backend")
        {
            Description = description,
            HelpName = withAuto ? "auto|ebpf|nftables|pf" : "ebpf|nftables|pf",
        };
        if (withAuto)
        {
            option.DefaultValueFactory = _ => "auto";
        }

        option.AcceptOnlyFromAmong([.. withAuto ? ["auto"] : Array.Empty<string>(), .. BackendSelection.Names]);
        return option;
    }
}
