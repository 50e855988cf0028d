namespace Ztap.Integration.Tests;

/// <summary>
/// A test that builds a real scene (network namespaces, cgroups, BPF programs) and so needs root;
/// anyone else sees it skipped with the reason.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: creates network namespaces, cgroups and BPF programs";
        }
    }
}
