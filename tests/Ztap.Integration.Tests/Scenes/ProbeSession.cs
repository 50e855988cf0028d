using System.Diagnostics;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>A running interactive probe: each <see cref="Next"/> is one attempt and its outcome.</summary>
internal sealed class ProbeSession(Process process)
{
    /// <summary>The first line the probe printed (the outcome of connecting, for a stream).</summary>
    public string ReadLine() => process.StandardOutput.ReadLine() ?? $"probe ended: {process.StandardError.ReadToEnd()}";

    public string Next()
    {
        process.StandardInput.WriteLine("x");
        process.StandardInput.Flush();
        return ReadLine();
    }
}
