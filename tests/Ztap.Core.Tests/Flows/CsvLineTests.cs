using CsCheck;
using Ztap.Core.Flows;

namespace Ztap.Core.Tests.Flows;

public sealed class CsvLineTests
{
    [Fact]
    public void Quoted_fields_come_back_as_written_whatever_they_hold()
    {
        // Values without outer spaces, since unquoted and quoted fields alike are trimmed.
        var value = Gen.String[Gen.Char["ab,\" /:."], 0, 12].Select(s => s.Trim());
        value.List[1, 6].Sample(values =>
        {
            var line = string.Join(',', values.Select(v => $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

            var fields = CsvLine.Split(line, out var error);

            Assert.Null(error);
            Assert.Equal(values, fields!.Select(f => f.Value));
        });
    }

    [Fact]
    public void Columns_point_at_where_each_field_starts()
    {
        var fields = CsvLine.Split("web-1, db-1,,TCP", out _);

        Assert.Equal([1, 7, 13, 14], fields!.Select(f => f.Column));
        Assert.Equal(["web-1", "db-1", "", "TCP"], fields!.Select(f => f.Value));
    }
}
