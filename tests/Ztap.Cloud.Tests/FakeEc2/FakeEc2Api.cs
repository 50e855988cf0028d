using System.Net;
using System.Xml.Linq;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>
/// An in-memory EC2 that answers Query API actions the way EC2 does, with faults that tests switch
/// on: throttling for the next calls, or an error on the Nth change. Every call is logged, and every
/// change can be watched, so tests can check what a sync did and what access existed along the way.
/// </summary>
internal sealed class FakeEc2Api
{
    private static readonly HashSet<string> Mutating = new(StringComparer.Ordinal)
    {
        "CreateSecurityGroup", "DeleteSecurityGroup", "ModifyNetworkInterfaceAttribute",
        "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
    };

    private readonly Lock _lock = new();
    private readonly List<string> _calls = [];
    private int _throttleNext;
    private int _mutationsUntilFailure;
    private string _failureCode = "";

    public FakeEc2State State { get; } = new();

    /// <summary>Called after every accepted change, under the fake's lock, with the state as it now is.</summary>
    public Action<FakeEc2State>? Changed { get; set; }

    /// <summary>Every action received, throttled and failed ones included.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public int MutatingCalls => Calls.Count(Mutating.Contains);

    /// <summary>The next <paramref name="count"/> calls of any kind get <c>RequestLimitExceeded</c>.</summary>
    public void Throttle(int count)
    {
        lock (_lock)
        {
            _throttleNext = count;
        }
    }

    /// <summary>The <paramref name="n"/>th change from now fails with <paramref name="code"/> and changes nothing.</summary>
    public void FailMutation(int n, string code)
    {
        lock (_lock)
        {
            _mutationsUntilFailure = n;
            _failureCode = code;
        }
    }

    public (HttpStatusCode Status, XElement Body) Handle(Ec2Request request)
    {
        lock (_lock)
        {
            try
            {
                var action = request.Action;
                _calls.Add(action);
                if (_throttleNext > 0)
                {
                    _throttleNext--;
                    throw new Ec2Fault("RequestLimitExceeded", "Request limit exceeded.", HttpStatusCode.ServiceUnavailable);
                }

                if (Mutating.Contains(action) && _mutationsUntilFailure > 0 && --_mutationsUntilFailure == 0)
                {
                    throw new Ec2Fault(_failureCode, "Injected failure.");
                }

                var response = Dispatch(action, request);
                if (Mutating.Contains(action))
                {
                    Changed?.Invoke(State);
                }

                return (HttpStatusCode.OK, response);
            }
            catch (Ec2Fault fault)
            {
                return (fault.Status, Ec2Xml.Error(fault.Code, fault.Message));
            }
        }
    }

    private XElement Dispatch(string action, Ec2Request request) => action switch
    {
        "DescribeInstances" => new InstanceActions(State).DescribeInstances(request),
        "ModifyNetworkInterfaceAttribute" => new InstanceActions(State).ModifyNetworkInterfaceAttribute(request),
        "DescribeSecurityGroups" => new SecurityGroupActions(State).DescribeSecurityGroups(request),
        "CreateSecurityGroup" => new SecurityGroupActions(State).CreateSecurityGroup(request),
        "DeleteSecurityGroup" => new SecurityGroupActions(State).DeleteSecurityGroup(request),
        "AuthorizeSecurityGroupIngress" => new PermissionActions(State).Authorize(request, ingress: true),
        "AuthorizeSecurityGroupEgress" => new PermissionActions(State).Authorize(request, ingress: false),
        "RevokeSecurityGroupIngress" => new PermissionActions(State).Revoke(request, ingress: true),
        "RevokeSecurityGroupEgress" => new PermissionActions(State).Revoke(request, ingress: false),
        _ => throw new Ec2Fault("InvalidAction", $"The action {action} is not valid for this web service."),
    };
}
