namespace Ztap.Enforcement.Pf;

/// <summary>
/// The two lines of pf.conf that make pf evaluate and load the ztap anchor. They are added once,
/// after a backup of the file as it was, and taken out again on removal.
/// </summary>
internal static class PfConf
{
    public static string[] Lines(PfLocation location) =>
        [$"anchor \"{PfLocation.Anchor}\"", $"load anchor \"{PfLocation.Anchor}\" from \"{location.AnchorPath}\""];

    /// <summary>Adds the reference when missing; true when pf.conf changed (and pf must reload it).</summary>
    public static bool Reference(PfLocation location)
    {
        var lines = File.ReadAllLines(location.PfConfPath);
        var wanted = Lines(location);
        if (wanted.All(lines.Contains))
        {
            return false;
        }

        var backup = location.PfConfPath + ".ztap-backup";
        if (!File.Exists(backup))
        {
            File.Copy(location.PfConfPath, backup);
        }

        File.WriteAllLines(location.PfConfPath, [.. lines.Where(l => !wanted.Contains(l)), .. wanted]);
        return true;
    }

    /// <summary>Takes the reference out; true when pf.conf changed.</summary>
    public static bool Unreference(PfLocation location)
    {
        if (!File.Exists(location.PfConfPath))
        {
            return false;
        }

        var lines = File.ReadAllLines(location.PfConfPath);
        var wanted = Lines(location);
        var kept = lines.Where(l => !wanted.Contains(l)).ToArray();
        if (kept.Length == lines.Length)
        {
            return false;
        }

        File.WriteAllLines(location.PfConfPath, kept);
        return true;
    }
}
