using System.Net;
using Ztap.Anomaly.Geo;

namespace Ztap.Anomaly.Tests.Geo;

public sealed class CountryDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-geo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static string Build(string directory)
    {
        var path = Path.Combine(directory, "countries.mmdb");
        new MmdbWriter()
            .Add("175.45.176.0/22", "KP")
            .Add("5.160.0.0/16", "IR")
            .Add("8.8.8.0/24", "US")
            .Add("2001:db8::/32", "NL")
            .Write(path);
        return path;
    }

    [Theory]
    [InlineData("175.45.177.9", "KP")]
    [InlineData("5.160.3.4", "IR")]
    [InlineData("8.8.8.8", "US")]
    [InlineData("2001:db8::1", "NL")]
    public void Addresses_in_a_network_get_its_country(string address, string country)
    {
        using var database = CountryDatabase.Open(Build(_directory), out _)!;

        Assert.Equal(country, database.CountryOf(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("9.9.9.9")]
    [InlineData("2001:db9::1")]
    public void Addresses_outside_every_network_have_no_country(string address)
    {
        using var database = CountryDatabase.Open(Build(_directory), out _)!;

        Assert.Null(database.CountryOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_reason()
    {
        var path = Path.Combine(_directory, "not.mmdb");
        File.WriteAllText(path, "hello");

        Assert.Null(CountryDatabase.Open(path, out var error));
        Assert.Contains("not a MaxMind database", error);
    }
}
