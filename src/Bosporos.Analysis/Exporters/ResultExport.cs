using System.Text;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Exporters;

/// <summary>What an export wrote.</summary>
public sealed record ExportResult(string? CsvPath, string? ParquetPath, string SidecarPath, Provenance Provenance);

/// <summary>Exports a run set as CSV and/or Parquet plus the JSON provenance sidecar, each file written atomically.</summary>
public static class ResultExport
{
    /// <summary>
    /// Writes <c>{basePath}.csv</c>, <c>{basePath}.parquet</c> (as asked) and <c>{basePath}.json</c>. The sidecar is
    /// written last and lists the data files with their SHA-256, so its presence means the export finished.
    /// </summary>
    public static ExportResult Write(
        ExperimentManifest manifest,
        IEnumerable<RunRecord> rows,
        string basePath,
        bool csv = true,
        bool parquet = true,
        IReadOnlyList<string>? commandLine = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(basePath);
        if (!csv && !parquet)
        {
            throw new ExportException("Nothing to export: ask for CSV, Parquet or both.");
        }
        var list = rows as IReadOnlyList<RunRecord> ?? rows.ToList();
        var provenance = Provenance.Describe(manifest, list, commandLine, clock);
        var files = new List<ProvenanceFile>();
        string? csvPath = null;
        string? parquetPath = null;
        if (csv)
        {
            csvPath = basePath + ".csv";
            CsvExporter.Write(csvPath, list);
            files.Add(Describe(csvPath));
        }
        if (parquet)
        {
            parquetPath = basePath + ".parquet";
            ParquetExporter.Write(parquetPath, list, provenance.ToJson());
            files.Add(Describe(parquetPath));
        }
        provenance = provenance with { Files = files };
        var sidecar = basePath + ".json";
        WriteSidecar(sidecar, provenance);
        return new ExportResult(csvPath, parquetPath, sidecar, provenance);
    }

    /// <summary>Exports everything in the store at <paramref name="storeLocation"/> (opened read-only).</summary>
    public static ExportResult WriteFromStore(
        string storeLocation,
        string basePath,
        bool csv = true,
        bool parquet = true,
        IReadOnlyList<string>? commandLine = null)
    {
        var (manifest, rows) = ReadStore(storeLocation);
        return Write(manifest, rows, basePath, csv, parquet, commandLine);
    }

    /// <summary>The manifest and rows of a store, opened read-only; a store without manifest is refused.</summary>
    public static (ExperimentManifest Manifest, IReadOnlyList<RunRecord> Rows) ReadStore(string storeLocation)
    {
        using var store = ResultStores.Open(storeLocation, new ResultStoreOptions(ReadOnly: true));
        var manifest = store.ReadManifest()
            ?? throw new ResultStoreException($"{storeLocation}: has no experiment manifest; nothing to export or report.");
        return (manifest, store.ReadAll().ToList());
    }

    /// <summary>Writes a provenance sidecar on its own (atomically).</summary>
    public static void WriteSidecar(string path, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var bytes = new UTF8Encoding(false).GetBytes(provenance.ToJson() + "\n");
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    private static ProvenanceFile Describe(string path) =>
        new(Path.GetFileName(path), new FileInfo(path).Length, Provenance.FileSha256(path));
}
