using System.Globalization;

namespace Ztap.Enforcement.Tests.Pf;

/// <summary>One pf filter rule, read from the grammar subset ztap writes.</summary>
internal sealed record PfRule(
    string Text,
    bool Pass,
    bool? Outbound,
    bool Quick,
    bool? V4,
    string? Protocol,
    string From,
    string To,
    (int From, int To)? Ports,
    bool IcmpTypes,
    bool KeepState)
{
    public static PfRule Parse(string line)
    {
        var words = line.Split(' ');
        var at = 0;
        string Next() => words[at++];
        bool Take(string word)
        {
            if (at < words.Length && words[at] == word)
            {
                at++;
                return true;
            }

            return false;
        }

        var pass = Next() == "pass";
        if (!pass)
        {
            Assert.Equal("drop", Next());
        }

        bool? outbound = Take("out") ? true : Take("in") ? false : null;
        Take("log");
        var quick = Take("quick");
        bool? v4 = Take("inet") ? true : Take("inet6") ? false : null;
        var protocol = Take("proto") ? Next() : null;
        string from = "any", to = "any";
        (int, int)? ports = null;
        if (!Take("all"))
        {
            Assert.True(Take("from"), line);
            from = Next();
            Assert.True(Take("to"), line);
            to = Next();
            if (Take("port"))
            {
                var spec = Next().Split(':');
                ports = (int.Parse(spec[0], CultureInfo.InvariantCulture), int.Parse(spec[^1], CultureInfo.InvariantCulture));
            }
        }

        var icmpTypes = Take("icmp6-type");
        return new PfRule(line, pass, outbound, quick, v4, protocol, from, to, ports, icmpTypes, line.Contains("keep state", StringComparison.Ordinal));
    }
}
