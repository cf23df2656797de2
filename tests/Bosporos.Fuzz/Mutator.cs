using System.Text;

namespace Bosporos.Fuzz;

/// <summary>
/// A seeded, deterministic byte mutator in the manner of AFL's havoc stage: bit flips, interesting bytes, deletions,
/// duplications, splices with another corpus entry, and tokens from a dictionary of YAML syntax and of numbers and
/// keys that have broken loaders before. The same seed gives the same inputs on every machine.
/// </summary>
internal sealed class Mutator(ulong seed)
{
    private static readonly byte[][] Numbers = new[]
    {
        "1e25", "-1e25", "1e23", "1e-40", "1e308", "1e999999999", "0e-99999", "7.9e28", "79228162514264337593543950336",
        "40.99999999999999999999999999999999", "1.00000000000000000000000000000001", "0.12345", "-0", "+5", "0x1F", "1_000",
        "2147483648", "-2147483649", "9223372036854775808", "18446744073709551616", "99999999999", "0.0001", "100.01", "0", "1",
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly byte[][] Tokens = new[]
    {
        "[", "]", "{", "}", ",", ": ", "- ", "\t", "&a ", "*a", "!!str ", "---\n", "...\n", "\"", "'", "#", "\n", "  ", "? ", "|\n", ">-\n",
        "~", "null", "true", "yes", ".nan", "-.inf", "%YAML 1.2\n", "\\", "\u00e9", "\0", "\r\n", "\uFEFF", "\u2028",
        "value: ", "source: ", "reliability: C", "range: [1, 2]", "range: [2, 1]", "id: city", "zone: nowhere",
        "strength: ", "hulls: ", "horizon-days: ", "from-day: ", "to-day: ", "latitude: ", "longitude: ", "format: 1",
        "runs: ", "batch: ", "mode: sobol", "mode: morris", "mode: uncertainty", "master-seed: ", "until-ci: ",
        "parameters: [", "variants: [", "set: {", "reading: ", "draws: ", "base-samples: ", "levels: ", "trajectories: ",
        "seeds-per-point: ", "bootstrap: ", "integer: true", "outputs: [", "scenario: ", "/dev/zero",
    }.Select(Encoding.UTF8.GetBytes).Concat(Numbers).ToArray();

    private static readonly byte[] Interesting = [0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x23, 0x27, 0x2C, 0x2D, 0x2E, 0x30, 0x31, 0x39, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xC0, 0xE9, 0xEF, 0xFE, 0xFF];

    private ulong state = seed;

    /// <summary>One to eight stacked mutations of <paramref name="input"/>; <paramref name="corpus"/> feeds splices.</summary>
    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus, int maxLength)
    {
        var data = new List<byte>(input);
        var count = 1 << Next(4);
        for (var i = 0; i < count; i++)
        {
            Apply(data, corpus);
        }

        if (data.Count > maxLength)
        {
            data.RemoveRange(maxLength, data.Count - maxLength);
        }

        return [.. data];
    }

    public int Next(int bound) => (int)(NextULong() % (ulong)bound);

    private void Apply(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        var at = data.Count == 0 ? 0 : Next(data.Count + 1);
        switch (Next(12))
        {
            case 0 when data.Count > 0 && at < data.Count:
                data[at] ^= (byte)(1 << Next(8));
                break;
            case 1 when at < data.Count:
                data[at] = Interesting[Next(Interesting.Length)];
                break;
            case 2 when at < data.Count:
                data.RemoveRange(at, Math.Min(1 + Next(Next(2) == 0 ? 8 : 256), data.Count - at));
                break;
            case 3 or 4 or 5:
                data.InsertRange(at, Tokens[Next(Tokens.Length)]);
                break;
            case 6 when at < data.Count:
                {
                    // Overwrite the digits of a number with another number token (keeps the line's structure).
                    var end = at;
                    while (end < data.Count && (char.IsAsciiDigit((char)data[end]) || data[end] is (byte)'.' or (byte)'-' or (byte)'e'))
                    {
                        end++;
                    }

                    data.RemoveRange(at, end - at);
                    data.InsertRange(at, Numbers[Next(Numbers.Length)]);
                    break;
                }

            case 7 when data.Count > 0:
                {
                    // Duplicate a block (lines, keys) somewhere else.
                    var from = Next(data.Count);
                    var length = Math.Min(1 + Next(512), data.Count - from);
                    data.InsertRange(at, data.GetRange(from, length));
                    break;
                }

            case 8 when corpus.Count > 0:
                {
                    // Splice: the tail of another entry replaces ours from here on.
                    var other = corpus[Next(corpus.Count)];
                    if (other.Length > 0)
                    {
                        var from = Next(other.Length);
                        data.RemoveRange(at, data.Count - at);
                        data.AddRange(other.AsSpan(from).ToArray());
                    }

                    break;
                }

            case 9 when data.Count > 0:
                data.RemoveRange(at, data.Count - at); // truncation
                break;
            case 10 when at < data.Count:
                {
                    // Swap two lines.
                    var a = LineAround(data, at);
                    var b = LineAround(data, Next(data.Count));
                    if (a.Start + a.Length <= b.Start)
                    {
                        var first = data.GetRange(a.Start, a.Length);
                        var second = data.GetRange(b.Start, b.Length);
                        data.RemoveRange(b.Start, b.Length);
                        data.InsertRange(b.Start, first);
                        data.RemoveRange(a.Start, a.Length);
                        data.InsertRange(a.Start, second);
                    }

                    break;
                }

            default:
                // Change the indentation of a line.
                {
                    var line = LineAround(data, Math.Min(at, Math.Max(0, data.Count - 1)));
                    if (Next(2) == 0 && line.Length > 0 && data[line.Start] == (byte)' ')
                    {
                        data.RemoveAt(line.Start);
                    }
                    else
                    {
                        data.Insert(line.Start, (byte)' ');
                    }

                    break;
                }
        }
    }

    private static (int Start, int Length) LineAround(List<byte> data, int at)
    {
        if (data.Count == 0)
        {
            return (0, 0);
        }

        at = Math.Clamp(at, 0, data.Count - 1);
        var start = at;
        while (start > 0 && data[start - 1] != (byte)'\n')
        {
            start--;
        }

        var end = at;
        while (end < data.Count && data[end] != (byte)'\n')
        {
            end++;
        }

        return (start, end - start);
    }

    // SplitMix64: small, fast and the same everywhere.
    private ulong NextULong()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
