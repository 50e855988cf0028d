using System.Globalization;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// The prefix a logged denial carries to userspace, e.g. <c>ztap deny egress 2 3f9c1a0b7d2e</c>:
/// whether it was dropped or only audited, the hook's direction, the denying policy's index in the
/// applied set and the start of that set's version, so a reader holding another version knows the
/// index is not its own. Far below the kernel's 127 characters.
/// </summary>
internal sealed record NflogPrefix(bool Enforced, Direction Direction, int Policy, string Version)
{
    private const string Tag = "ztap";
    private const int VersionLength = 12;

    public static NflogPrefix For(EnforcementMode mode, Direction direction, int policy, string version) =>
        new(mode == EnforcementMode.Enforce, direction, policy, version[..Math.Min(VersionLength, version.Length)]);

    public bool IsOf(string version) => version.StartsWith(Version, StringComparison.Ordinal);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tag} {(Enforced ? "deny" : "audit")} {(Direction == Direction.Egress ? "egress" : "ingress")} {Policy} {Version}");

    /// <summary>Reads a prefix ztap wrote; null for anything else sharing the group.</summary>
    public static NflogPrefix? Parse(string text)
    {
        var parts = text.Split(' ');
        if (parts.Length != 5 || parts[0] != Tag || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var policy))
        {
            return null;
        }

        bool? enforced = parts[1] switch { "deny" => true, "audit" => false, _ => null };
        Direction? direction = parts[2] switch { "egress" => Direction.Egress, "ingress" => Direction.Ingress, _ => null };
        return enforced is null || direction is null ? null : new NflogPrefix(enforced.Value, direction.Value, policy, parts[4]);
    }
}
