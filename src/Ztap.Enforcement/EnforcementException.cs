namespace Ztap.Enforcement;

/// <summary>
/// The operating system or the input refused what a backend tried to do. The message says what
/// ztap was doing and why it failed, ready to show a user as it is.
/// </summary>
public sealed class EnforcementException(EnforcementFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public EnforcementFailure Failure { get; } = failure;
}
