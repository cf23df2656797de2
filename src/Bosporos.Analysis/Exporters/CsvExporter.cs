using System.Globalization;
using Bosporos.Analysis.Stores;
using CsvHelper;

namespace Bosporos.Analysis.Exporters;

/// <summary>
/// One row per run as RFC 4180 CSV (UTF-8, CRLF, quotes where needed), numbers in invariant culture, booleans as
/// true/false, an absent parameter or measure as an empty field: the same columns as the Parquet export. Text that a spreadsheet
/// would take for a formula (a variant named "=cmd|..." from the web page) is written with a leading apostrophe.
/// </summary>
public static class CsvExporter
{
    public static void Write(string path, IEnumerable<RunRecord> rows)
    {
        var table = new RunTable(rows);
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvWriter.Create(stream, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
            csv.WriteHeader([.. table.ColumnNames]);
            var measuresAt = RunColumns.All.Count + table.ParameterPaths.Count;
            var fields = new string[measuresAt + table.MeasureNames.Count];
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < RunColumns.All.Count; i++)
                {
                    fields[i] = Format(RunColumns.Value(row, i));
                }
                for (var p = 0; p < table.ParameterPaths.Count; p++)
                {
                    fields[RunColumns.All.Count + p] = row.Parameters.TryGetValue(table.ParameterPaths[p], out var value)
                        ? RunColumns.CanonicalDecimal(value)
                        : "";
                }
                for (var m = 0; m < table.MeasureNames.Count; m++)
                {
                    fields[measuresAt + m] = row.Measures.TryGetValue(table.MeasureNames[m], out var value)
                        ? value.ToString(CultureInfo.InvariantCulture)
                        : "";
                }
                csv.WriteRecord(fields);
            }
            csv.Flush();
        });
    }

    private static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string text => Defuse(text),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
