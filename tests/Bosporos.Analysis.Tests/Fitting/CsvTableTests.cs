using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class CsvTableTests
{
    [Fact]
    public void Quoted_fields_doubled_quotes_and_CRLF_are_read_with_their_positions()
    {
        var t = CsvTable.Parse("t.csv", "a,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\"2\",z,3\n");
        Assert.Equal(["a", "b", "c"], t.Header.Select(h => h.Text));
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal("x, \"y\"", t.Rows[0][1].Text);
        Assert.Equal(string.Empty, t.Rows[0][2].Text);
        Assert.Equal(new CsvField("z", 3, 5), t.Rows[1][1]);
        Assert.Equal(2, t.Number(t.Rows[1], 0, "n"));
    }

    [Fact]
    public void A_last_line_without_a_line_end_and_blank_lines_are_accepted()
    {
        var t = CsvTable.Parse("t.csv", "a,b\n1,2\n\n3,4");
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal("4", t.Rows[1][1].Text);
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n", 2, 5, "3 fields where the header has 2")]
    [InlineData("a,b\n1\n", 2, 2, "1 fields where the header has 2")]
    [InlineData("a,b\n1,\"2\n", 2, 3, "never closed")]
    [InlineData("a,b\n1,2\"x\"\n", 2, 4, "a quote inside an unquoted field")]
    [InlineData("a,b\n1,\"2\"x\n", 2, 6, "after the closing quote")]
    [InlineData("a,b\r1,2\n", 1, 4, "carriage return")]
    public void Malformed_rows_are_reported_with_line_and_column(string text, int line, int column, string problem)
    {
        var e = Assert.Throws<DataFileException>(() => CsvTable.Parse("t.csv", text));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"t.csv:{line}:{column}: ", e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(e.Hint);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_reported_where_it_is()
    {
        var t = CsvTable.Parse("t.csv", "day,men\n1,12o0\n");
        var e = Assert.Throws<DataFileException>(() => t.Number(t.Rows[0], 1, "a count of men"));
        Assert.Equal("t.csv:2:3: 'men' is '12o0', not a number", e.Message);
    }

    [Fact]
    public void A_missing_column_names_the_columns_the_file_has()
    {
        var t = CsvTable.Parse("t.csv", "day,men\n1,2\n");
        var e = Assert.Throws<DataFileException>(() => t.Column("us_active_strength"));
        Assert.Contains("no column 'us_active_strength'", e.Message, StringComparison.Ordinal);
        Assert.Contains("day, men", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_empty_files_and_invalid_UTF8_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("bosporos-csv-").FullName;
        try
        {
            Assert.Contains("no such file", Assert.Throws<DataFileException>(() => CsvTable.Read(Path.Combine(dir, "none.csv"))).Message, StringComparison.Ordinal);
            Assert.Contains("is a directory", Assert.Throws<DataFileException>(() => CsvTable.Read(dir)).Message, StringComparison.Ordinal);
            var empty = Path.Combine(dir, "empty.csv");
            File.WriteAllText(empty, string.Empty);
            Assert.Contains("is empty", Assert.Throws<DataFileException>(() => CsvTable.Read(empty)).Message, StringComparison.Ordinal);
            var latin = Path.Combine(dir, "latin.csv");
            File.WriteAllBytes(latin, [(byte)'a', (byte)'\n', 0xE9, (byte)'\n']);
            Assert.Contains("not valid UTF-8", Assert.Throws<DataFileException>(() => CsvTable.Read(latin)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
