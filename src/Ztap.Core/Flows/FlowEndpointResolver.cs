using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;

namespace Ztap.Core.Flows;

/// <summary>
/// Turns the ends of flow requests into addresses. A workload reference stands for one of the
/// workload's addresses: its first one, or its first one of the other end's address family. An
/// address stands for the inventory workload that owns it, or for something outside the inventory.
/// </summary>
public sealed class FlowEndpointResolver(WorkloadInventory inventory)
{
    /// <summary>The field names problems are reported under, as in the flows CSV header.</summary>
    public const string SourceField = "src";

    /// <inheritdoc cref="SourceField"/>
    public const string DestinationField = "dst";

    /// <summary>Resolves both ends, adding a diagnostic for each end that cannot be resolved.</summary>
    public bool TryResolve(FlowRequest request, DiagnosticBag diagnostics, [NotNullWhen(true)] out ResolvedFlow? flow)
    {
        flow = null;
        var source = Parse(request.Source, SourceField, request, diagnostics);
        var destination = Parse(request.Destination, DestinationField, request, diagnostics);
        if (source is null || destination is null)
        {
            return false;
        }

        var addresses = ChooseAddresses(source.Value, destination.Value, request, diagnostics);
        if (addresses is not var (sourceAddress, destinationAddress))
        {
            return false;
        }

        flow = new ResolvedFlow(
            request,
            new FlowEndpoint(request.Source, sourceAddress, source.Value.Workload ?? inventory.FindByAddress(sourceAddress)),
            new FlowEndpoint(request.Destination, destinationAddress, destination.Value.Workload ?? inventory.FindByAddress(destinationAddress)));
        return true;
    }

    private Candidate? Parse(string reference, string field, FlowRequest request, DiagnosticBag diagnostics)
    {
        // A name wins over an address so that an odd workload name such as "10.1" stays reachable.
        if (inventory.FindByName(reference) is { } workload)
        {
            if (workload.Addresses.IsEmpty)
            {
                diagnostics.Add(Error(request, field, $"workload {workload.QualifiedName} has no address"));
                return null;
            }

            return new Candidate(workload, null);
        }

        if (IsAddress(reference, out var address))
        {
            return new Candidate(null, address);
        }

        diagnostics.Add(Error(request, field, $"\"{reference}\" is neither a workload in the inventory nor an IP address"));
        return null;
    }

    private static (IPAddress Source, IPAddress Destination)? ChooseAddresses(
        Candidate source, Candidate destination, FlowRequest request, DiagnosticBag diagnostics)
    {
        if (source.Address is { } sourceAddress && destination.Address is { } destinationAddress)
        {
            return (sourceAddress, destinationAddress);
        }

        if (source.Address is { } fixedSource)
        {
            var chosen = FirstOfFamily(destination.Workload!, fixedSource.AddressFamily);
            return chosen is null ? Mismatch(destination.Workload!, fixedSource, DestinationField) : (fixedSource, chosen);
        }

        if (destination.Address is { } fixedDestination)
        {
            var chosen = FirstOfFamily(source.Workload!, fixedDestination.AddressFamily);
            return chosen is null ? Mismatch(source.Workload!, fixedDestination, SourceField) : (chosen, fixedDestination);
        }

        foreach (var candidate in source.Workload!.Addresses)
        {
            if (FirstOfFamily(destination.Workload!, candidate.AddressFamily) is { } match)
            {
                return (candidate, match);
            }
        }

        diagnostics.Add(Error(request, DestinationField,
            $"workloads {source.Workload.QualifiedName} and {destination.Workload!.QualifiedName} share no address family"));
        return null;

        (IPAddress, IPAddress)? Mismatch(Workload workload, IPAddress other, string field)
        {
            diagnostics.Add(Error(request, field,
                $"workload {workload.QualifiedName} has no {FamilyName(other.AddressFamily)} address to pair with {other}"));
            return null;
        }
    }

    private static IPAddress? FirstOfFamily(Workload workload, AddressFamily family) =>
        workload.Addresses.FirstOrDefault(a => a.AddressFamily == family);

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";

    /// <summary>
    /// Accepts only complete addresses: IPAddress.TryParse alone would read "10.1" as 10.0.0.1,
    /// which is never what someone writing a flow meant.
    /// </summary>
    private static bool IsAddress(string text, [NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(text, out address)
        && (text.Contains(':', StringComparison.Ordinal) || text.Count(c => c == '.') == 3);

    private static Diagnostic Error(FlowRequest request, string field, string message) =>
        new(Severity.Error, request.Origin, null, field, message);

    private readonly record struct Candidate(Workload? Workload, IPAddress? Address);
}
