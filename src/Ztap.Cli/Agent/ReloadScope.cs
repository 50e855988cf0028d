using System.Globalization;
using Ztap.Core.Compiler;

namespace Ztap.Cli.Agent;

/// <summary>
/// How much of a version was compiled and imaged again, as the agent logs it with each apply, so
/// that an operator sees why one reload took a second and the next ten milliseconds: an edit
/// compiles the sides (identity and direction) its policies select, an inventory whose workloads
/// only came, went or moved keeps every side, anything else is compiled in full.
/// </summary>
internal static class ReloadScope
{
    /// <param name="inForce">The version applied before, or null for the first apply.</param>
    public static string Of(PolicySet set, PolicySet? inForce) =>
        inForce is null ? "compiled in full"
        : set.SidesChangedSince(inForce) is { } sides
            ? string.Create(CultureInfo.InvariantCulture, $"an edit, {sides.Count} of {set.Identities.Length * 2} sides compiled again")
        : set.HasSidesOf(inForce) ? "workloads changed, every side kept"
        : "compiled in full";
}
