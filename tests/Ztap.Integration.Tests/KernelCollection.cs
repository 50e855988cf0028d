using Ztap.Integration.Tests.Scenes;

namespace Ztap.Integration.Tests;

/// <summary>
/// Kernel tests run one at a time: each builds its own scene, but two CPUs shared by several
/// scenes' servers would turn timeouts into noise.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<ProbeBinary>
{
    public const string Name = "kernel";
}
