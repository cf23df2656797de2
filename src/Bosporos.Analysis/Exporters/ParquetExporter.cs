using Bosporos.Analysis.Stores;
using Parquet;
using Parquet.Schema;

namespace Bosporos.Analysis.Exporters;

/// <summary>
/// One row per run as Parquet (for pandas, R arrow, DuckDB, Polars): the same columns as the CSV export; parameter
/// draws as nullable doubles; the provenance JSON also stored in the file's key-value metadata under
/// <see cref="ProvenanceKey"/>.
/// </summary>
public static class ParquetExporter
{
    public const string ProvenanceKey = "bosporos.provenance";
    private const int RowGroupSize = 100_000;

    public static void Write(string path, IEnumerable<RunRecord> rows, string? provenanceJson = null) =>
        WriteAsync(path, rows, provenanceJson).GetAwaiter().GetResult();

    public static async Task WriteAsync(string path, IEnumerable<RunRecord> rows, string? provenanceJson = null)
    {
        var table = new RunTable(rows);
        var fields = RunColumns.All.Select(Field).ToList();
        var parameterFields = table.ParameterPaths.Select(p => new DataField<double?>(RunColumns.ParameterPrefix + p)).ToList();
        var measureFields = table.MeasureNames.Select(m => new DataField<long?>(RunColumns.MeasureColumn(m))).ToList();
        var schema = new ParquetSchema([.. fields, .. parameterFields, .. measureFields]);
        await AtomicFile.WriteAsync(path, async stream =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
            if (provenanceJson is not null)
            {
                writer.CustomMetadata = new Dictionary<string, string> { [ProvenanceKey] = provenanceJson };
            }
            for (var start = 0; start < table.Rows.Count || start == 0; start += RowGroupSize)
            {
                var group = table.Rows.Skip(start).Take(RowGroupSize).ToArray();
                using var rowGroup = writer.CreateRowGroup();
                for (var i = 0; i < fields.Count; i++)
                {
                    await WriteColumn(rowGroup, fields[i], RunColumns.All[i].Kind, group, i).ConfigureAwait(false);
                }
                for (var p = 0; p < parameterFields.Count; p++)
                {
                    var key = table.ParameterPaths[p];
                    var values = group.Select(r => r.Parameters.TryGetValue(key, out var v) ? (double?)(double)v : null).ToArray();
                    await rowGroup.WriteAsync<double>(parameterFields[p], values.AsMemory()).ConfigureAwait(false);
                }
                for (var m = 0; m < measureFields.Count; m++)
                {
                    var name = table.MeasureNames[m];
                    var values = group.Select(r => r.Measures.TryGetValue(name, out var v) ? (long?)v : null).ToArray();
                    await rowGroup.WriteAsync<long>(measureFields[m], values.AsMemory()).ConfigureAwait(false);
                }
                rowGroup.CompleteValidate();
                if (table.Rows.Count == 0)
                {
                    break;
                }
            }
        }).ConfigureAwait(false);
    }

    private static DataField Field(RunColumn column) => column.Kind switch
    {
        RunColumnKind.Text => new DataField<string>(column.Name, false),
        RunColumnKind.Int32 => new DataField<int>(column.Name),
        RunColumnKind.Int64 => new DataField<long>(column.Name),
        RunColumnKind.UInt64 => new DataField<ulong>(column.Name),
        RunColumnKind.Boolean => new DataField<bool>(column.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private static Task WriteColumn(ParquetRowGroupWriter rowGroup, DataField field, RunColumnKind kind, RunRecord[] group, int ordinal) => kind switch
    {
        RunColumnKind.Text => rowGroup.WriteAsync(field, group.Select(r => (string)RunColumns.Value(r, ordinal)).ToArray()),
        RunColumnKind.Int32 => rowGroup.WriteAsync<int>(field, group.Select(r => (int)RunColumns.Value(r, ordinal)).ToArray().AsMemory()),
        RunColumnKind.Int64 => rowGroup.WriteAsync<long>(field, group.Select(r => (long)RunColumns.Value(r, ordinal)).ToArray().AsMemory()),
        RunColumnKind.UInt64 => rowGroup.WriteAsync<ulong>(field, group.Select(r => (ulong)RunColumns.Value(r, ordinal)).ToArray().AsMemory()),
        RunColumnKind.Boolean => rowGroup.WriteAsync<bool>(field, group.Select(r => (bool)RunColumns.Value(r, ordinal)).ToArray().AsMemory()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
