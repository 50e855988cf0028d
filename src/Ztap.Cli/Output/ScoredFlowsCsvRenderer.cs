using System.Globalization;
using Ztap.Anomaly.FlowFiles;

namespace Ztap.Cli.Output;

/// <summary>The input CSV, column for column as it was written, with <c>score,is_anomaly,reason</c> appended.</summary>
internal sealed class ScoredFlowsCsvRenderer : IRenderer<ScoredFlows>
{
    public void Render(ScoredFlows report, TextWriter output)
    {
        output.WriteLine(string.Join(',', report.Header.Select(CsvQuote.Field)) + ",score,is_anomaly,reason");
        for (var i = 0; i < report.Rows.Length; i++)
        {
            var result = report.Results[i];
            output.Write(string.Join(',', report.Rows[i].Fields.Select(CsvQuote.Field)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $",{result.Score:0.0},{(result.IsAnomaly ? "true" : "false")},{CsvQuote.Field(result.Reason)}"));
        }
    }
}
