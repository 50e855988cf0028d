namespace Ztap.Cloud.SecurityGroups;

/// <summary>
/// How ztap marks the Security Groups it owns: a managed tag it never sets on anything else, the
/// policy the group enforces, and a name people recognise. Groups without the managed tag are
/// never changed, whatever their name.
/// </summary>
public static class ManagedGroupTags
{
    public const string Managed = "ztap:managed";
    public const string ManagedValue = "true";
    public const string Policy = "ztap:policy";

    /// <summary>
    /// <c>ztap-prod/web</c> for policy <c>prod/web</c>: namespaces have no '/', so two policies never
    /// share a name, and EC2 allows '/' in VPC group names.
    /// </summary>
    public static string GroupName(string policyQualifiedName) => $"ztap-{policyQualifiedName}";

    public static string Description(string policyQualifiedName) => $"ztap: NetworkPolicy {policyQualifiedName}";
}
