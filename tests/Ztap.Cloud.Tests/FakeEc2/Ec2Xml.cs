using System.Xml.Linq;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>Builds EC2 response documents: elements in the 2016-11-15 namespace, lists as <c>item</c> elements.</summary>
internal static class Ec2Xml
{
    public static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static XElement Response(string action, params object?[] content) =>
        new(Ns + $"{action}Response", new XElement(Ns + "requestId", Guid.NewGuid().ToString()), content);

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    public static XElement Set(string name, IEnumerable<object> items) => new(Ns + name, items.Select(i => new XElement(Ns + "item", i)));

    public static XElement Tags(IReadOnlyDictionary<string, string> tags) =>
        Set("tagSet", tags.Select(t => new object[] { E("key", t.Key), E("value", t.Value) }));

    /// <summary>The error document EC2 sends with a 4xx or 5xx status; it is not namespaced.</summary>
    public static XElement Error(string code, string message) =>
        new("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", Guid.NewGuid().ToString()));
}
