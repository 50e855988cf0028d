using System.Net;
using MaxMind.Db;

namespace Ztap.Anomaly.Geo;

/// <summary>
/// Looks up the country of an address in a MaxMind-format (.mmdb) country database, such as GeoLite2
/// Country or a CC0 alternative in the same format.
/// </summary>
public sealed class CountryDatabase : IDisposable
{
    private readonly Reader _reader;

    private CountryDatabase(Reader reader)
    {
        _reader = reader;
    }

    /// <summary>
    /// Opens a database file, or returns null with the reason when the file is not a MaxMind database.
    /// A file that cannot be read at all throws, as the OS said no.
    /// </summary>
    public static CountryDatabase? Open(string path, out string? error)
    {
        error = null;
        try
        {
            return new CountryDatabase(new Reader(path, FileAccessMode.Memory));
        }
        catch (InvalidDatabaseException e)
        {
            error = $"{path}: not a MaxMind database: {e.Message}";
            return null;
        }
    }

    /// <summary>The ISO country code of the address, or null when the database does not know it.</summary>
    public string? CountryOf(IPAddress address)
    {
        try
        {
            return _reader.Find<CountryRecord>(address)?.IsoCode;
        }
        catch (InvalidDatabaseException)
        {
            // A damaged record makes one address unknown rather than failing the flow that asked.
            return null;
        }
    }

    public void Dispose() => _reader.Dispose();
}
