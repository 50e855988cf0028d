namespace Ztap.Core.Policy.Validation;

/// <summary>The range a TCP, UDP or SCTP port number must fall in; 0 means "any" on the wire and is never written.</summary>
internal static class PortNumber
{
    public const int Min = 1;
    public const int Max = 65535;

    public static bool IsValid(int port) => port is >= Min and <= Max;
}
