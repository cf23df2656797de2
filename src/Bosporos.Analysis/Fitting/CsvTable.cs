using System.Globalization;
using System.Text;
using Bosporos.Scenarios;

namespace Bosporos.Analysis.Fitting;

/// <summary>One field of a CSV row: its text and where it starts in the file (line and column from 1).</summary>
public readonly record struct CsvField(string Text, int Line, int Column);

/// <summary>
/// A small CSV file read strictly (RFC 4180: comma-separated, fields optionally in double quotes with "" for a quote,
/// LF or CRLF line ends) into a header and rows, every field keeping its line and column so that a bad value can be
/// reported where it is. Files larger than <see cref="MaxBytes"/> or not valid UTF-8 are refused.
/// </summary>
public sealed class CsvTable
{
    public const long MaxBytes = 16L * 1024 * 1024;

    private readonly Dictionary<string, int> columns;

    private CsvTable(string file, IReadOnlyList<CsvField> header, IReadOnlyList<IReadOnlyList<CsvField>> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Text, i);
        }
    }

    /// <summary>The file name as it is reported in errors.</summary>
    public string File { get; }

    public IReadOnlyList<CsvField> Header { get; }

    /// <summary>The data rows (after the header), each with as many fields as the header.</summary>
    public IReadOnlyList<IReadOnlyList<CsvField>> Rows { get; }

    /// <summary>Reads and parses <paramref name="path"/>; a missing, unreadable or malformed file throws <see cref="DataFileException"/>.</summary>
    public static CsvTable Read(string path)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                throw new DataFileException(path, 0, 0, "is a directory, not a CSV file", "Give the path of the CSV file itself.");
            }

            bytes = BoundedFile.Read(path, MaxBytes);
        }
        catch (FileNotFoundException)
        {
            throw new DataFileException(path, 0, 0, "no such file", "Check the path; without --data the command reads the copy shipped in data/battles/.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DataFileException(path, 0, 0, "no such file (its directory does not exist)", "Check the path; without --data the command reads the copy shipped in data/battles/.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, 0, "cannot be read: " + e.Message, "Check that the file exists and is readable.");
        }

        if (bytes.LongLength > MaxBytes)
        {
            throw new DataFileException(path, 0, 0, $"is larger than {MaxBytes / (1024 * 1024)} MiB", "A battle table is a few hundred kilobytes; check that this is the right file.");
        }

        string text;
        try
        {
            text = BoundedFile.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new DataFileException(path, 0, 0, "is not valid UTF-8 text", "Save the file as UTF-8 (plain ASCII is fine).");
        }

        return Parse(path, text);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in errors.</summary>
    public static CsvTable Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<List<CsvField>>();
        var record = new List<CsvField>();
        var field = new StringBuilder();
        int line = 1, column = 1, fieldLine = 1, fieldColumn = 1;
        var quoted = false;
        var inQuotes = false;
        var afterQuote = false;
        var any = false;
        var i = 0;

        void EndField()
        {
            record.Add(new CsvField(field.ToString(), fieldLine, fieldColumn));
            field.Clear();
            quoted = false;
            afterQuote = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        column += 2;
                        continue;
                    }

                    inQuotes = false;
                    afterQuote = true;
                }
                else
                {
                    field.Append(c);
                    if (c == '\n')
                    {
                        line++;
                        column = 0;
                    }
                }

                i++;
                column++;
                continue;
            }

            if (c == ',')
            {
                EndField();
                i++;
                column++;
                fieldLine = line;
                fieldColumn = column;
                any = true;
                continue;
            }

            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
                {
                    throw new DataFileException(file, line, column, "a carriage return without a line feed", "End lines with LF or CRLF.");
                }

                EndField();
                records.Add(record);
                record = [];
                i += c == '\r' ? 2 : 1;
                line++;
                column = 1;
                fieldLine = line;
                fieldColumn = 1;
                any = false;
                continue;
            }

            if (afterQuote)
            {
                throw new DataFileException(file, line, column, $"'{c}' after the closing quote of a field", "A quoted field ends with '\"' followed by ',' or the end of the line; write a quote inside a field as \"\".");
            }

            if (c == '"')
            {
                if (field.Length > 0 || quoted)
                {
                    throw new DataFileException(file, line, column, "a quote inside an unquoted field", "Put the whole field in quotes and double the quote: \"a \"\"b\"\" c\".");
                }

                quoted = true;
                inQuotes = true;
            }
            else
            {
                field.Append(c);
            }

            any = true;
            i++;
            column++;
        }

        if (inQuotes)
        {
            throw new DataFileException(file, fieldLine, fieldColumn, "a quoted field is never closed", "Close the field with '\"'.");
        }

        if (any || field.Length > 0 || record.Count > 0)
        {
            EndField();
            records.Add(record);
        }

        if (records.Count == 0)
        {
            throw new DataFileException(file, 0, 0, "is empty", "The first line must name the columns.");
        }

        var header = records[0];
        var rows = new List<IReadOnlyList<CsvField>>(records.Count - 1);
        foreach (var r in records.Skip(1))
        {
            if (r.Count == 1 && r[0].Text.Length == 0)
            {
                continue; // a blank line
            }

            if (r.Count != header.Count)
            {
                var where = r.Count > header.Count ? r[header.Count] : r[^1];
                throw new DataFileException(file, where.Line, r.Count > header.Count ? where.Column : where.Column + where.Text.Length,
                    $"{r.Count} fields where the header has {header.Count}",
                    "Every row needs one value for each column of the header (an empty value is written as nothing between two commas).");
            }

            rows.Add(r);
        }

        return new CsvTable(file, header, rows);
    }

    /// <summary>The index of a column, or a located error naming the columns the file has.</summary>
    public int Column(string name)
    {
        if (columns.TryGetValue(name, out var index))
        {
            return index;
        }

        var first = Header.Count > 0 ? Header[0] : new CsvField(string.Empty, 1, 1);
        throw new DataFileException(File, first.Line, 1, $"no column '{name}' in the header",
            $"The header must include {name}; it has: {string.Join(", ", Header.Select(h => h.Text))}.");
    }

    /// <summary>A field as a finite number (invariant culture), or a located error.</summary>
    public double Number(IReadOnlyList<CsvField> row, int column, string what)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row[column];
        if (double.TryParse(f.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        throw new DataFileException(File, f.Line, f.Column, $"'{Header[column].Text}' is '{Shorten(f.Text)}', not a number",
            $"Write {what} as a plain number such as 1200 or 0.5.");
    }

    /// <summary>A field as a whole number, or a located error.</summary>
    public long Integer(IReadOnlyList<CsvField> row, int column, string what)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row[column];
        if (long.TryParse(f.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        throw new DataFileException(File, f.Line, f.Column, $"'{Header[column].Text}' is '{Shorten(f.Text)}', not a whole number",
            $"Write {what} as a whole number such as 1200.");
    }

    /// <summary>A located error at one field.</summary>
    public DataFileException Error(CsvField field, string problem, string hint) => new(File, field.Line, field.Column, problem, hint);

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
