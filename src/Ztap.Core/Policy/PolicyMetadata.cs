namespace Ztap.Core.Policy;

/// <summary>A policy's <c>metadata</c> as read: its name (null when missing or invalid) and namespace.</summary>
internal readonly record struct PolicyMetadata(string? Name, string Namespace)
{
    public const string DefaultNamespace = "default";
}
