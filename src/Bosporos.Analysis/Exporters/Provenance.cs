using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Exporters;

/// <summary>
/// The JSON sidecar of an export: what a paper cites to name, check and regenerate a run set (engine version, scenario
/// and experiment hashes and text, master seed, run range, command line, digest, when and where). The command line is
/// kept without passwords (see <see cref="Credentials"/>): the sidecar and the Parquet metadata are meant to be shared.
/// </summary>
public sealed record Provenance(
    string Format,
    string ExperimentId,
    string EngineVersion,
    string ScenarioId,
    string ScenarioHash,
    string ExperimentHash,
    string ExperimentText,
    string Mode,
    ulong MasterSeed,
    long RunCount,
    long FirstRun,
    long EndRun,
    long ShardIndex,
    long ShardCount,
    IReadOnlyList<string> Variants,
    long Rows,
    string Digest,
    IReadOnlyList<string> CommandLine,
    DateTimeOffset ExperimentCreatedUtc,
    string ExperimentMachine,
    DateTimeOffset CreatedUtc,
    string Machine,
    string Platform,
    IReadOnlyList<ProvenanceColumn> Columns,
    IReadOnlyList<ProvenanceFile> Files)
{
    public const string CurrentFormat = "bosporos-run-set/1";

    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Describes <paramref name="rows"/> of the experiment <paramref name="manifest"/>.</summary>
    public static Provenance Describe(
        ExperimentManifest manifest,
        IReadOnlyList<RunRecord> rows,
        IReadOnlyList<string>? commandLine = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = RunColumns.All.Select(c => new ProvenanceColumn(c.Name, c.Kind.ToString().ToLowerInvariant(), c.Description))
            .Concat(RunColumns.ParameterPaths(rows).Select(p =>
                new ProvenanceColumn(RunColumns.ParameterPrefix + p, "double", $"value drawn for scenario path {p}")))
            .Concat(RunColumns.MeasureNames(rows).Select(m =>
                new ProvenanceColumn(RunColumns.MeasureColumn(m), "int64", War.WarMeasures.Find(m)?.Description ?? $"war measure {m}")))
            .ToList();
        return new Provenance(
            CurrentFormat,
            manifest.ExperimentId,
            manifest.EngineVersion,
            manifest.ScenarioId,
            manifest.ScenarioHash,
            manifest.ExperimentHash,
            manifest.ExperimentText,
            manifest.Mode,
            manifest.MasterSeed,
            manifest.RunCount,
            manifest.FirstRun,
            manifest.EndRun,
            manifest.ShardIndex,
            manifest.ShardCount,
            manifest.Variants,
            rows.Count,
            ExperimentDigest.Compute(rows),
            Credentials.Redact(commandLine ?? Environment.GetCommandLineArgs()),
            manifest.CreatedUtc,
            manifest.Machine,
            (clock ?? TimeProvider.System).GetUtcNow(),
            Environment.MachineName,
            $"{RuntimeInformation.OSDescription}; {RuntimeInformation.OSArchitecture}; {RuntimeInformation.FrameworkDescription}",
            columns,
            []);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static Provenance FromJson(string json) =>
        JsonSerializer.Deserialize<Provenance>(json, JsonOptions) ?? throw new JsonException("empty provenance document");

    /// <summary>Lowercase hex SHA-256 of a file, for <see cref="Files"/>.</summary>
    public static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

public sealed record ProvenanceColumn(string Name, string Type, string Description);

public sealed record ProvenanceFile(string Name, long Bytes, string Sha256);
