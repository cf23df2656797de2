// Interim copy of the result-store contract (namespace Bosporos.Analysis.Stores), so the experiment engine builds
// and is tested before the stores land. The stores code owns these types: when it is merged, delete this file.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bosporos.Analysis.Stores;

/// <summary>One finished run of one variant: a tidy row with units in the names.</summary>
public sealed record RunRecord(
    string Variant,
    long RunIndex,
    ulong Seed,
    string Outcome,
    string Cause,
    int EndHour,
    int CloseSiegeDays,
    int PersiansFerried,
    int AssaultAttackerLosses,
    int AssaultDefenderLosses,
    int CanoesLaunched,
    int CanoesLost,
    int EnginesLost,
    int TowersBurned,
    int RomanLosses,
    int HostLosses,
    int PersianLosses,
    int MinWallIntegrityPermille,
    bool EnvoysCaught,
    bool SignalLearned,
    ulong StateHash,
    IReadOnlyDictionary<string, decimal> Parameters);

/// <summary>What an experiment is: written once per store, checked on every resume and merge.</summary>
public sealed record ExperimentManifest(
    string ExperimentId,
    string EngineVersion,
    string ScenarioId,
    string ScenarioHash,
    string ExperimentHash,
    string ExperimentText,
    ulong MasterSeed,
    long RunCount,
    IReadOnlyList<string> Variants,
    string Mode,
    long ShardIndex,
    long ShardCount,
    long FirstRun,
    long EndRun,
    string Machine,
    DateTimeOffset CreatedUtc);

/// <summary>Where finished runs go.</summary>
public interface IResultStore : IDisposable
{
    ExperimentManifest? ReadManifest();

    void WriteManifest(ExperimentManifest manifest);

    IReadOnlySet<(string Variant, long RunIndex)> CompletedRuns();

    void Append(IReadOnlyList<RunRecord> batch);

    IEnumerable<RunRecord> ReadAll();

    void MarkComplete(string digest);
}

/// <summary>A store refused an operation (mismatched manifest, full disk, read-only file).</summary>
public sealed class ResultStoreException : Exception
{
    public ResultStoreException()
    {
    }

    public ResultStoreException(string message)
        : base(message)
    {
    }

    public ResultStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The result digest: SHA-256 over a canonical text encoding of every row, in order.</summary>
public static class ExperimentDigest
{
    public static string Compute(IEnumerable<RunRecord> rowsInOrder)
    {
        ArgumentNullException.ThrowIfNull(rowsInOrder);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sb = new StringBuilder(256);
        foreach (var r in rowsInOrder)
        {
            sb.Clear();
            var c = CultureInfo.InvariantCulture;
            sb.Append(r.Variant).Append('\t')
              .Append(r.RunIndex.ToString(c)).Append('\t')
              .Append(r.Seed.ToString(c)).Append('\t')
              .Append(r.Outcome).Append('\t').Append(r.Cause).Append('\t')
              .Append(r.EndHour.ToString(c)).Append('\t')
              .Append(r.CloseSiegeDays.ToString(c)).Append('\t')
              .Append(r.PersiansFerried.ToString(c)).Append('\t')
              .Append(r.AssaultAttackerLosses.ToString(c)).Append('\t')
              .Append(r.AssaultDefenderLosses.ToString(c)).Append('\t')
              .Append(r.CanoesLaunched.ToString(c)).Append('\t')
              .Append(r.CanoesLost.ToString(c)).Append('\t')
              .Append(r.EnginesLost.ToString(c)).Append('\t')
              .Append(r.TowersBurned.ToString(c)).Append('\t')
              .Append(r.RomanLosses.ToString(c)).Append('\t')
              .Append(r.HostLosses.ToString(c)).Append('\t')
              .Append(r.PersianLosses.ToString(c)).Append('\t')
              .Append(r.MinWallIntegrityPermille.ToString(c)).Append('\t')
              .Append(r.EnvoysCaught ? '1' : '0').Append('\t')
              .Append(r.SignalLearned ? '1' : '0').Append('\t')
              .Append(r.StateHash.ToString("x16", c));
            foreach (var p in r.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                sb.Append('\t').Append(p.Key).Append('=').Append(p.Value.ToString(c));
            }

            sb.Append('\n');
            sha.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
