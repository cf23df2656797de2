using System.Globalization;
using System.Text.Json;

namespace Bosporos.Analysis.Stores;

/// <summary>Checks shared by every store: manifest compatibility and batch validity, with messages a user can act on.</summary>
internal static class ManifestRules
{
    public static void RequireValid(ExperimentManifest manifest, string location)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = manifest.Validate();
        if (problems.Count > 0)
        {
            throw new ResultStoreException(
                $"{location}: refusing an invalid experiment manifest: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>Throws when <paramref name="incoming"/> is not the experiment that <paramref name="stored"/> describes.</summary>
    public static void RequireSameExperiment(ExperimentManifest stored, ExperimentManifest incoming, string location)
    {
        var differences = new List<string>();
        void Compare(string what, string inStore, string now)
        {
            if (!string.Equals(inStore, now, StringComparison.Ordinal))
            {
                differences.Add($"{what} differs (store: {inStore}, now: {now})");
            }
        }

        Compare("engine version", stored.EngineVersion, incoming.EngineVersion);
        Compare("scenario hash", stored.ScenarioHash, incoming.ScenarioHash);
        Compare("experiment hash", stored.ExperimentHash, incoming.ExperimentHash);
        Compare("experiment id", stored.ExperimentId, incoming.ExperimentId);
        Compare("master seed", Num(stored.MasterSeed), Num(incoming.MasterSeed));
        Compare("run count", Num(stored.RunCount), Num(incoming.RunCount));
        Compare("variants", string.Join(",", stored.Variants), string.Join(",", incoming.Variants));
        Compare("mode", stored.Mode, incoming.Mode);
        Compare("shard", $"{Num(stored.ShardIndex)}/{Num(stored.ShardCount)}", $"{Num(incoming.ShardIndex)}/{Num(incoming.ShardCount)}");
        Compare("run range", $"[{Num(stored.FirstRun)}, {Num(stored.EndRun)})", $"[{Num(incoming.FirstRun)}, {Num(incoming.EndRun)})");
        if (differences.Count > 0)
        {
            throw new ResultStoreException(
                $"{location} holds results of another experiment or engine: {string.Join("; ", differences)}. "
                + "Results of different engines, scenarios or experiments must not be mixed: write to a new store, "
                + "or resume with the same scenario, experiment file and engine version.");
        }
    }

    public static void RequireAppendable(ExperimentManifest? manifest, IReadOnlyList<RunRecord> batch, string location)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (manifest is null)
        {
            throw new ResultStoreException($"{location}: cannot append runs before the experiment manifest is written.");
        }
        var variants = new HashSet<string>(manifest.Variants, StringComparer.Ordinal);
        foreach (var row in batch)
        {
            if (row is null)
            {
                throw new ResultStoreException($"{location}: a batch contains a null row.");
            }
            if (!variants.Contains(row.Variant))
            {
                throw new ResultStoreException(
                    $"{location}: run {row.RunIndex} belongs to variant '{row.Variant}', which the manifest does not list "
                    + $"(variants: {string.Join(", ", manifest.Variants)}).");
            }
            if (row.RunIndex < manifest.FirstRun || row.RunIndex >= manifest.EndRun)
            {
                throw new ResultStoreException(
                    $"{location}: run {row.RunIndex} of '{row.Variant}' lies outside this store's run range "
                    + $"[{manifest.FirstRun}, {manifest.EndRun}).");
            }
            if (row.Parameters is null)
            {
                throw new ResultStoreException($"{location}: run {row.RunIndex} of '{row.Variant}' has no parameter dictionary.");
            }
        }
    }

    public static void RequireDigest(string digest, string location)
    {
        if (!ExperimentDigest.IsWellFormed(digest))
        {
            throw new ResultStoreException(
                $"{location}: '{digest}' is not a result digest (expected 64 lowercase hexadecimal digits).");
        }
    }

    public static string VariantsToJson(IReadOnlyList<string> variants) => JsonSerializer.Serialize(variants);

    public static IReadOnlyList<string> VariantsFromJson(string json, string location)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json)
                ?? throw new ResultStoreException($"{location}: the manifest's variant list is empty or null.");
        }
        catch (JsonException e)
        {
            throw new ResultStoreException($"{location}: the manifest's variant list is not valid JSON ({e.Message}).", e);
        }
    }

    public static string TimeToText(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset TimeFromText(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
