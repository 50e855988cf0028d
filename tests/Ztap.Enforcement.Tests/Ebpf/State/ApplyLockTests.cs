using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Tests.Ebpf.State;

public sealed class ApplyLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-lock-").FullName;

    [Fact]
    public void A_second_writer_is_refused_while_the_first_holds_the_lock()
    {
        using var first = ApplyLock.Acquire(_directory);

        var error = Assert.Throws<EnforcementException>(() => ApplyLock.Acquire(_directory));

        Assert.Equal(EnforcementFailure.Busy, error.Failure);
        Assert.Contains("another ztap is changing enforcement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_is_free_again_once_released()
    {
        ApplyLock.Acquire(_directory).Dispose();

        Assert.Null(Record.Exception(() => ApplyLock.Acquire(_directory).Dispose()));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
