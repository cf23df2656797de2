using System.Buffers.Binary;
using System.Security.Cryptography;
using Bosporos.Kernel;

namespace Bosporos.Analysis.Runs;

/// <summary>
/// SHA-256 over a canonical binary encoding of every run's summary, in run order: two batches agree on the digest
/// exactly when they produced the same summaries for the same run indices and seeds, whatever the thread count.
/// </summary>
/// <remarks>
/// Encoding of one run (little-endian, 86 bytes, frozen): index i64, seed u64, outcome u8, cause u8, end hours i32,
/// close-siege days i32, Persians ferried i32, assault attacker losses i32, assault defender losses i32, canoes
/// launched i32, canoes lost i32, engines lost i32, towers burned i32, Roman losses i32, host losses i32, Persian
/// losses i32, minimum wall integrity (permille) i32, envoys caught u8, signal learned u8, state hash u64.
/// </remarks>
public sealed class RunDigest : IRunSink, IDisposable
{
    public const int RecordBytes = 86;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Runs { get; private set; }

    public void Accept(long index, ulong seed, in SiegeSummary summary)
    {
        Span<byte> b = stackalloc byte[RecordBytes];
        Encode(index, seed, summary, b);
        hash.AppendData(b);
        Runs++;
    }

    /// <summary>Writes the canonical record of one run into <paramref name="b"/> (at least <see cref="RecordBytes"/> long).</summary>
    public static void Encode(long index, ulong seed, in SiegeSummary s, Span<byte> b)
    {
        BinaryPrimitives.WriteInt64LittleEndian(b, index);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], seed);
        b[16] = (byte)s.Outcome;
        b[17] = (byte)s.Cause;
        var o = 18;
        foreach (var v in (ReadOnlySpan<int>)
                 [
                     s.End.Hours, s.CloseSiegeDays, s.PersiansFerried, s.AssaultAttackerLosses, s.AssaultDefenderLosses,
                     s.CanoesLaunched, s.CanoesLost, s.EnginesLost, s.TowersBurned, s.RomanLosses, s.HostLosses,
                     s.PersianLosses, s.MinWallIntegrityPermille,
                 ])
        {
            BinaryPrimitives.WriteInt32LittleEndian(b[o..], v);
            o += 4;
        }

        b[o++] = s.EnvoysCaught ? (byte)1 : (byte)0;
        b[o++] = s.SignalLearned ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64LittleEndian(b[o..], s.StateHash);
    }

    /// <summary>The digest so far, as lowercase hex (the hash keeps accepting runs afterwards).</summary>
    public string Hex()
    {
        Span<byte> d = stackalloc byte[32];
        hash.GetCurrentHash(d);
        return Convert.ToHexStringLower(d);
    }

    public void Dispose() => hash.Dispose();
}
