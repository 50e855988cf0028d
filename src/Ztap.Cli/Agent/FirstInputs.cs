using Ztap.Core.Compiler;

namespace Ztap.Cli.Agent;

/// <summary>
/// The inputs the agent starts from, handed to its worker once. The command, the host and their
/// closures live as long as the agent; were they to hold these inputs, the first set and its
/// inventory would stay in memory next to every later one.
/// </summary>
internal sealed class FirstInputs(PolicyInputs inputs)
{
    private PolicyInputs? _inputs = inputs.Set is null
        ? throw new ArgumentException("the agent starts from inputs that compiled", nameof(inputs))
        : inputs;

    /// <summary>The set to apply first; only until the inputs are taken.</summary>
    public PolicySet Set => (_inputs ?? throw Taken()).Set!;

    /// <summary>The inputs, which this then lets go of.</summary>
    public PolicyInputs Take()
    {
        var inputs = _inputs ?? throw Taken();
        _inputs = null;
        return inputs;
    }

    private static InvalidOperationException Taken() => new("the agent's first inputs were already taken");
}
