using System.Globalization;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>
/// Writes a data set as the flows CSV that <c>ztap anomaly train</c> and <c>score</c> read: train.csv,
/// test.csv, and test-labels.csv with the attack kind of each test row, for trying the CLI on it.
/// </summary>
internal static class DatasetCsv
{
    private const string Header = "timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo";

    public static void Write(Dataset data, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "train.csv"), [Header, .. data.Training.Select(Line)]);
        File.WriteAllLines(Path.Combine(directory, "test.csv"), [Header, .. data.Test.Select(f => Line(f.Flow))]);
        File.WriteAllLines(Path.Combine(directory, "test-labels.csv"), ["kind", .. data.Test.Select(f => f.Kind.ToString())]);
    }

    private static string Line(ObservedFlow f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ},{f.Source},{f.Destination},{f.Port},{ProtocolNames.Format(f.Protocol)},{f.Bytes},{f.SourceGeo},{f.DestinationGeo}");
}
