using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Enforcement.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EditTests(ProbeBinary probe)
{
    private static readonly Flow Postgres = new(Web.V4, Db.V4, Protocol.Tcp, 5432);
    private static readonly Flow Redis = new(Web.V4, Db.V4, Protocol.Tcp, 6379);

    [RootFact]
    public async Task Edits_applied_in_a_row_from_memory_enforce_and_count_each_version_and_another_ztap_picks_up_after_them()
    {
        await using var scene = Scene.Create(probe);
        var (estate, original) = await InstallMatrixAsync(scene);
        Assert.Equal("eperm", estate.Attempt(Web, Redis));

        // As the agent does before its first update: the idle slot gets the version in force too.
        await scene.Enforcer.PrepareForUpdatesAsync(original, new EnforcementOptions(), CancellationToken.None);
        Assert.True(File.Exists(Path.Join(scene.Location.StateDirectory, "ebpf-slot-0.bin")), "the idle slot was not written");
        Assert.Equal("eperm", estate.Attempt(Web, Redis));

        // db-ingress lets web in on 6379 instead of 5432: only db's ingress side changes.
        var edited = PolicyCompiler.Compile(WithDbIngress(original, (rules, redis) => rules.SetItem(0, redis)), original.Inventory, original);
        Assert.True(edited.IsEditOf(original));

        await scene.Enforcer.ApplyAsync(edited, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("eperm", estate.Attempt(Web, Postgres));
        Assert.Equal("allow", estate.Attempt(Web, Redis));

        var restored = PolicyCompiler.Compile(original.Policies, original.Inventory, edited);
        Assert.True(restored.IsEditOf(edited));
        await scene.Enforcer.ApplyAsync(restored, new EnforcementOptions(), CancellationToken.None);

        // The slot in force again holds the first version's counts, which no longer count.
        Assert.Equal(0ul, DeniedBy(await scene.Enforcer.StatusAsync(CancellationToken.None), "prod/db-ingress"));
        Assert.Equal("allow", estate.Attempt(Web, Postgres));
        Assert.Equal("eperm", estate.Attempt(Web, Redis));
        Assert.Equal(1ul, DeniedBy(await scene.Enforcer.StatusAsync(CancellationToken.None), "prod/db-ingress"));

        // Another ztap has none of that memory: it names what is in force from the files, and its
        // own update of the slots, diffed against their snapshots, enforces as a fresh one would.
        var another = new EbpfEnforcer(scene.Location);
        var status = await another.StatusAsync(CancellationToken.None);
        Assert.Equal(restored.Version, status.PolicyVersion);
        Assert.Equal(original.Policies.Select(p => p.QualifiedName).Order(), status.Policies.Select(p => p.Policy).Order());
        Assert.Equal(original.Identities.Length, status.Identities.Length);

        await another.ApplyAsync(edited, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("eperm", estate.Attempt(Web, Postgres));
        Assert.Equal("allow", estate.Attempt(Web, Redis));
        await another.ApplyAsync(original, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("allow", estate.Attempt(Web, Postgres));
        Assert.Equal("eperm", estate.Attempt(Web, Redis));
    }

    [RootFact]
    public async Task A_rule_added_to_one_policy_and_removed_again_is_applied_as_an_edit_and_counted_for_that_policy()
    {
        await using var scene = Scene.Create(probe);
        var (estate, original) = await InstallMatrixAsync(scene);
        Assert.Equal("eperm", estate.Attempt(Web, Redis));

        // db-ingress gains a first rule letting web in on 6379: its other rules and every later
        // policy's move in the set's rule list, and the edit is still applied as one.
        var added = PolicyCompiler.Compile(WithDbIngress(original, (rules, redis) => rules.Insert(0, redis)), original.Inventory, original);
        Assert.True(added.IsEditOf(original));
        Assert.Equal(original.Rules.Length + 1, added.Rules.Length);

        await scene.Enforcer.ApplyAsync(added, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("allow", estate.Attempt(Web, Redis));
        Assert.Equal("allow", estate.Attempt(Web, Postgres));
        Assert.True(AllowedBy(await scene.Enforcer.StatusAsync(CancellationToken.None), "prod/db-ingress") > 0, "db-ingress counted no allow");

        var removed = PolicyCompiler.Compile(original.Policies, original.Inventory, added);
        Assert.True(removed.IsEditOf(added));
        await scene.Enforcer.ApplyAsync(removed, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("eperm", estate.Attempt(Web, Redis));
        Assert.Equal("allow", estate.Attempt(Web, Postgres));
    }

    [RootFact]
    public async Task A_policy_added_before_the_others_and_removed_again_is_applied_as_an_edit_and_counted_by_its_name()
    {
        await using var scene = Scene.Create(probe);
        var (estate, original) = await InstallMatrixAsync(scene);
        Assert.Equal("eperm", estate.Attempt(Web, Redis));

        // db-redis, listed first, lets anyone in on both ports: every other policy moves in the list,
        // and the edit is still applied as one. As the earlier policy, it is the one Postgres is
        // allowed by, though db-ingress allows web by name (another entry, which the kernel compares).
        var dbIngress = original.Policies.Single(p => p.Name == "db-ingress");
        var postgres = dbIngress.Ingress[0].Ports[0];
        NetworkPolicy[] withRedis = [dbIngress with { Name = "db-redis", Ingress = [new PolicyRule([], [postgres, postgres with { Port = Redis.Port }])] }, .. original.Policies];
        var added = PolicyCompiler.Compile(withRedis, original.Inventory, original);
        Assert.True(added.IsEditOf(original));

        await scene.Enforcer.ApplyAsync(added, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("allow", estate.Attempt(Web, Redis));
        Assert.Equal("allow", estate.Attempt(Web, Postgres));
        var status = await scene.Enforcer.StatusAsync(CancellationToken.None);
        Assert.Equal(added.Policies.Select(p => p.QualifiedName), status.Policies.Select(p => p.Policy));
        Assert.True(AllowedBy(status, "prod/db-redis") > 0, "db-redis counted no allow");
        Assert.Equal(0ul, AllowedBy(status, "prod/db-ingress"));

        var removed = PolicyCompiler.Compile(original.Policies, original.Inventory, added);
        Assert.True(removed.IsEditOf(added));
        await scene.Enforcer.ApplyAsync(removed, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("eperm", estate.Attempt(Web, Redis));
        Assert.Equal("allow", estate.Attempt(Web, Postgres));
        status = await scene.Enforcer.StatusAsync(CancellationToken.None);
        Assert.DoesNotContain(status.Policies, p => p.Policy == "prod/db-redis");
        Assert.True(AllowedBy(status, "prod/db-ingress") > 0, "db-ingress counted no allow");
    }

    /// <summary>The estate of the scene with the matrix policies installed, and their set.</summary>
    private static async Task<(Estate Estate, PolicySet Set)> InstallMatrixAsync(Scene scene)
    {
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        return (estate, set);
    }

    /// <summary>The set's policies with db-ingress's rules edited, given its first rule moved to Redis's port.</summary>
    private static NetworkPolicy[] WithDbIngress(PolicySet set, Func<ImmutableArray<PolicyRule>, PolicyRule, ImmutableArray<PolicyRule>> edit)
    {
        var policies = set.Policies.ToArray();
        var dbIngress = Array.FindIndex(policies, p => p.Name == "db-ingress");
        var rule = policies[dbIngress].Ingress[0];
        policies[dbIngress] = policies[dbIngress] with
        {
            Ingress = edit(policies[dbIngress].Ingress, rule with { Ports = [rule.Ports[0] with { Port = Redis.Port }] }),
        };
        return policies;
    }

    private static ulong AllowedBy(EnforcementStatus status, string policy) => status.Policies.Single(p => p.Policy == policy).Allowed;

    private static ulong DeniedBy(EnforcementStatus status, string policy) => status.Policies.Single(p => p.Policy == policy).Denied;
}
