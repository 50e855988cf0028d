using System.Globalization;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>
/// A parsed EC2 Query request: the form fields of the POST body. Lists arrive flattened as
/// <c>Name.1</c>, <c>Name.2</c>; structures as <c>Name.1.Field</c>; this reads them back.
/// </summary>
internal sealed class Ec2Request(IReadOnlyDictionary<string, string> fields)
{
    public string Action => Get("Action") ?? throw new Ec2Fault("MissingAction", "The request must contain the parameter Action");

    public string? Get(string name) => fields.GetValueOrDefault(name);

    public string Require(string name) =>
        Get(name) ?? throw new Ec2Fault("MissingParameter", $"The request must contain the parameter {name}");

    public int? Int(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Ec2Fault.InvalidParameter($"Invalid value '{text}' for {name}");
    }

    /// <summary>The values of <c>prefix.1</c>, <c>prefix.2</c>, ... in order.</summary>
    public List<string> List(string prefix) =>
        [.. Members(prefix).Select(m => m.Get("") ?? "")];

    /// <summary>The structures <c>prefix.N.*</c> in order of N, each as a request over its own fields.</summary>
    public List<Ec2Request> Members(string prefix)
    {
        var members = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in fields)
        {
            if (!key.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[(prefix.Length + 1)..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var indexText = dot < 0 ? rest : rest[..dot];
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!members.TryGetValue(index, out var member))
            {
                member = new Dictionary<string, string>(StringComparer.Ordinal);
                members.Add(index, member);
            }

            member[dot < 0 ? "" : rest[(dot + 1)..]] = value;
        }

        return [.. members.Values.Select(m => new Ec2Request(m))];
    }

    /// <summary>The <c>Filter.N.Name</c> / <c>Filter.N.Value.M</c> pairs.</summary>
    public List<(string Name, List<string> Values)> Filters() =>
        [.. Members("Filter").Select(f => (f.Require("Name"), f.List("Value")))];
}
