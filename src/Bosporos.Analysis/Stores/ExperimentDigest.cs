using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Bosporos.Analysis.Stores;

/// <summary>
/// SHA-256 over a canonical binary encoding of run rows, in the order given (the store order: variant order of the
/// manifest, then run index). Equal digests mean equal result sets, whatever machine or shard layout produced them.
/// </summary>
/// <remarks>
/// Encoding per row, in <see cref="RunColumns.All"/> order: text as a 4-byte little-endian UTF-8 length then the bytes;
/// integers little-endian (4 or 8 bytes); booleans one byte; then the parameter count (4 bytes) and each parameter, sorted
/// ordinally by path, as path text and value text (<see cref="RunColumns.CanonicalDecimal"/>); then, only for a row
/// that has measures (a war run), the measure count (4 bytes) and each measure, sorted ordinally by name, as name text
/// and an 8-byte value. A row without measures is encoded as it always was. The encoding is frozen: changing it
/// changes every published digest.
/// </remarks>
public static class ExperimentDigest
{
    public static string Compute(IEnumerable<RunRecord> rowsInOrder)
    {
        var digest = new Accumulator();
        foreach (var row in rowsInOrder)
        {
            digest.Add(row);
        }
        return digest.Finish();
    }

    /// <summary>Incremental form, for callers that stream rows (merge, resume checks).</summary>
    public sealed class Accumulator : IDisposable
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] scratch = new byte[8];

        public long Rows { get; private set; }

        public void Add(RunRecord row)
        {
            ArgumentNullException.ThrowIfNull(row);
            Text(row.Variant);
            Int64(row.RunIndex);
            UInt64(row.Seed);
            Text(row.Outcome);
            Text(row.Cause);
            Int32(row.EndHour);
            Int32(row.CloseSiegeDays);
            Int32(row.PersiansFerried);
            Int32(row.AssaultAttackerLosses);
            Int32(row.AssaultDefenderLosses);
            Int32(row.CanoesLaunched);
            Int32(row.CanoesLost);
            Int32(row.EnginesLost);
            Int32(row.TowersBurned);
            Int32(row.RomanLosses);
            Int32(row.HostLosses);
            Int32(row.PersianLosses);
            Int32(row.MinWallIntegrityPermille);
            Bool(row.EnvoysCaught);
            Bool(row.SignalLearned);
            UInt64(row.StateHash);
            Int32(row.Parameters.Count);
            foreach (var (path, value) in row.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Text(path);
                Text(RunColumns.CanonicalDecimal(value));
            }
            if (row.Measures.Count > 0)
            {
                Int32(row.Measures.Count);
                foreach (var (name, value) in row.Measures.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    Text(name);
                    Int64(value);
                }
            }
            Rows++;
        }

        public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

        public void Dispose() => hash.Dispose();

        private void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int32(bytes.Length);
            hash.AppendData(bytes);
        }

        private void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(scratch, value);
            hash.AppendData(scratch, 0, 4);
        }

        private void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(scratch, value);
            hash.AppendData(scratch, 0, 8);
        }

        private void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, value);
            hash.AppendData(scratch, 0, 8);
        }

        private void Bool(bool value)
        {
            scratch[0] = value ? (byte)1 : (byte)0;
            hash.AppendData(scratch, 0, 1);
        }
    }

    /// <summary>True when <paramref name="digest"/> looks like a digest this class produces (64 lowercase hex digits).</summary>
    public static bool IsWellFormed(string? digest) =>
        digest is { Length: 64 } && digest.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
