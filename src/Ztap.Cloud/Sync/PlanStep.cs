using Amazon.EC2;

namespace Ztap.Cloud.Sync;

/// <summary>One change of a sync plan, which is exactly one EC2 call.</summary>
public abstract record PlanStep(PlanPhase Phase, string VpcId)
{
    /// <summary>The step as the plan prints it, one line.</summary>
    public abstract string Describe();

    internal abstract Task ApplyAsync(IAmazonEC2 client, GroupIds ids, CancellationToken cancellationToken);
}
