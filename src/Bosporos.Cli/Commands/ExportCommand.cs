using System.CommandLine;
using System.Globalization;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Stores;

namespace Bosporos.Cli.Commands;

/// <summary>bosporos experiment export STORE --csv FILE --parquet FILE [--sidecar FILE].</summary>
internal static class ExportCommand
{
    public static Command Build(CliEnvironment env)
    {
        var store = new Argument<string>("store") { Description = "The result store (a SQLite file path or a postgres:// URL)." };
        var csv = new Option<string?>("--csv") { Description = "Write the runs as CSV to this file.", HelpName = "FILE" };
        var parquet = new Option<string?>("--parquet") { Description = "Write the runs as Parquet to this file.", HelpName = "FILE" };
        var sidecar = new Option<string?>("--sidecar")
        {
            Description = "Write the JSON provenance sidecar here (default: the first data file with the extension .json).",
            HelpName = "FILE",
        };
        var export = new Command("export", "Export a store's runs as CSV and/or Parquet, with a JSON provenance sidecar.") { store, csv, parquet, sidecar };
        export.SetAction(p => Execute(env, p.GetValue(store)!, p.GetValue(csv), p.GetValue(parquet), p.GetValue(sidecar)));
        return export;
    }

    public static int Execute(CliEnvironment env, string store, string? csv, string? parquet, string? sidecar)
    {
        if (csv is null && parquet is null)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, "nothing to export: give --csv FILE, --parquet FILE or both.");
        }

        sidecar ??= Path.ChangeExtension(csv ?? parquet!, ".json");
        var outputs = new[] { csv, parquet, sidecar }.OfType<string>().Select(Path.GetFullPath).ToList();
        if (outputs.Distinct(StringComparer.Ordinal).Count() != outputs.Count)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, "--csv, --parquet and --sidecar must name different files.");
        }

        if (!ExperimentSupport.StoreExists(store))
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{store}: no such store.");
        }

        foreach (var (option, path) in new[] { ("--csv", csv), ("--parquet", parquet), ("--sidecar", sidecar) })
        {
            if (path is not null && OutputFiles.Prepare(option, path) is { } problem)
            {
                return ExperimentSupport.Fail(env, ExitCodes.Usage, problem);
            }
        }

        try
        {
            var (manifest, rows) = ResultExport.ReadStore(store);
            var provenance = Provenance.Describe(manifest, rows, ["bosporos", "experiment", "export", store]);
            var files = new List<ProvenanceFile>();
            if (csv is not null)
            {
                CsvExporter.Write(csv, rows);
                files.Add(new(Path.GetFileName(csv), new FileInfo(csv).Length, Provenance.FileSha256(csv)));
            }

            if (parquet is not null)
            {
                ParquetExporter.Write(parquet, rows, provenance.ToJson());
                files.Add(new(Path.GetFileName(parquet), new FileInfo(parquet).Length, Provenance.FileSha256(parquet)));
            }

            ResultExport.WriteSidecar(sidecar, provenance with { Files = files });
            foreach (var f in new[] { csv, parquet, sidecar }.OfType<string>())
            {
                env.Out.WriteLine(f);
            }

            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {rows.Count:N0} rows of {manifest.ExperimentId}"));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ResultStoreException or ExportException)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, "cannot write the export: " + e.Message, "Check that the directory is writable and the disk is not full.");
        }
    }
}
