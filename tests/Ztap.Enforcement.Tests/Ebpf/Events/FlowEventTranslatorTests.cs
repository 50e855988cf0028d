using Ztap.Enforcement.Ebpf.Events;
using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Tests.Ebpf.Datapath;

namespace Ztap.Enforcement.Tests.Ebpf.Events;

public sealed class FlowEventTranslatorTests
{
    [Fact]
    public void An_event_names_its_policy_by_the_numbers_of_the_version_that_decided_it()
    {
        var set = SampleEstate.Compile();

        // Version 7 passed number 0 on to another policy than version 6 had under it.
        var translator = new FlowEventTranslator(set, [(7, ["prod/added", "prod/web-egress"]), (6, ["prod/api-ingress", "prod/web-egress"])]);

        Assert.Equal("prod/added", translator.Translate(Denial(generation: 7, policy: 0)).Policy);
        Assert.Equal("prod/api-ingress", translator.Translate(Denial(generation: 6, policy: 0)).Policy);
        Assert.Null(translator.Translate(Denial(generation: 5, policy: 0)).Policy);
    }

    [Fact]
    public void Without_generations_the_set_names_every_event()
    {
        var set = SampleEstate.Compile();

        var translator = new FlowEventTranslator(set, []);

        Assert.Equal(set.PolicyByNumber(1)!.QualifiedName, translator.Translate(Denial(generation: 5, policy: 1)).Policy);
    }

    private static unsafe FlowEvent Denial(uint generation, uint policy)
    {
        var e = new FlowEvent { Family = IpcacheKey.FamilyV4, Protocol = 6, Verdict = DatapathLimits.VerdictDeny, Generation = generation, Policy = policy, Rule = DatapathLimits.None };
        e.Source[0] = 10;
        e.Destination[0] = 10;
        return e;
    }
}
