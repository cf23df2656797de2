using System.Diagnostics;
using System.Security.Cryptography;
using Bosporos.Scenarios;

namespace Bosporos.Fuzz;

/// <summary>One distinct failure: the exception's type and first frame, how often it was hit, and the smallest input.</summary>
internal sealed record Crash(string Signature, string Message, int Hits, byte[] Input, IReadOnlyList<ScenarioOverride> Overrides);

internal sealed record CampaignReport(string Target, ulong Seed, long Executions, TimeSpan Elapsed, IReadOnlyList<Crash> Crashes, int CorpusSize, double SlowestMs, int Codes)
{
    public double PerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-3);

    public override string ToString() => FormattableString.Invariant(
        $"{Target}: {Executions:N0} executions in {Elapsed.TotalSeconds:0.0} s ({PerSecond:N0}/s), {Crashes.Count} distinct crashes ({Crashes.Sum(c => c.Hits)} hits), corpus {CorpusSize}, {Codes} diagnostic codes seen, slowest input {SlowestMs:0} ms");
}

/// <summary>
/// A fuzzing campaign on one target: every seed is run as it is first, then mutants of the working corpus until the
/// execution or time budget is spent. An input that produces a diagnostic code not seen before joins the working
/// corpus (a cheap stand-in for coverage feedback). Seeded and deterministic apart from where the time budget ends.
/// </summary>
internal static class Campaign
{
    private const int MaxCorpus = 400;

    private static readonly string[] OverridePaths =
    [
        "combat.darkness", "combat.law", "calendar.horizon-days", "calendar.start-year", "zones.0.longitude", "zones.city.latitude",
        "contingents.field-troops.strength", "contingents.0.strength", "flotillas.roman-galleys.hulls", "command.khagan.4.from-day",
        "combat.defender-lethality", "combat", "", ".", "combat..law", "zones.999", "command.defenders.patrols.0.hulls", "format",
    ];

    public static CampaignReport Run(FuzzTarget target, IReadOnlyList<byte[]> seeds, ulong seed, long maxExecutions, TimeSpan maxTime, string? findings, Action<string>? log = null)
    {
        var rng = new Mutator(seed);
        var corpus = new List<byte[]>(seeds);
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        var crashes = new Dictionary<string, Crash>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var slowest = 0.0;
        long executions = 0;
        var nextLog = TimeSpan.FromSeconds(30);
        while (executions < maxExecutions && clock.Elapsed < maxTime)
        {
            var fromSeed = executions < seeds.Count;
            var input = fromSeed ? seeds[(int)executions] : rng.Mutate(corpus[rng.Next(corpus.Count)], corpus, target.MaxInput);
            var overrides = fromSeed || rng.Next(4) != 0 ? [] : Overrides(rng);
            var started = clock.Elapsed.TotalMilliseconds;
            try
            {
                target.Run(input, overrides);
                if (target.LastCodes.Any(seenCodes.Add) && corpus.Count < MaxCorpus)
                {
                    corpus.Add(input);
                }
            }
#pragma warning disable CA1031 // a fuzzer records every exception as a finding
            catch (Exception e)
#pragma warning restore CA1031
            {
                Record(crashes, e, input, overrides, findings, target.Name);
            }

            slowest = Math.Max(slowest, clock.Elapsed.TotalMilliseconds - started);
            executions++;
            if (log is not null && clock.Elapsed > nextLog)
            {
                nextLog += TimeSpan.FromSeconds(30);
                log(new CampaignReport(target.Name, seed, executions, clock.Elapsed, [.. crashes.Values], corpus.Count, slowest, seenCodes.Count).ToString());
            }
        }

        return new CampaignReport(target.Name, seed, executions, clock.Elapsed, [.. crashes.Values], corpus.Count, slowest, seenCodes.Count);
    }

    public static IReadOnlyList<byte[]> Seeds(string folder) =>
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

    private static List<ScenarioOverride> Overrides(Mutator rng)
    {
        var list = new List<ScenarioOverride>();
        for (var i = 0; i <= rng.Next(3); i++)
        {
            var path = OverridePaths[rng.Next(OverridePaths.Length)];
            var value = System.Text.Encoding.UTF8.GetString(rng.Mutate("0.3"u8.ToArray(), [], 64));
            list.Add(new ScenarioOverride(path, value));
        }

        return list;
    }

    private static void Record(Dictionary<string, Crash> crashes, Exception e, byte[] input, IReadOnlyList<ScenarioOverride> overrides, string? findings, string target)
    {
        var frame = new StackTrace(e, false).GetFrames().FirstOrDefault(f => f.GetMethod() is not null)?.GetMethod();
        var signature = $"{e.GetType().Name} at {frame?.DeclaringType?.Name}.{frame?.Name}";
        if (crashes.TryGetValue(signature, out var known))
        {
            crashes[signature] = known with { Hits = known.Hits + 1, Input = input.Length < known.Input.Length ? input : known.Input, Overrides = input.Length < known.Input.Length ? overrides : known.Overrides };
        }
        else
        {
            crashes[signature] = new Crash(signature, e.Message, 1, input, overrides);
        }

        if (findings is not null)
        {
            Directory.CreateDirectory(findings);
            var name = $"{target}-crash-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
            File.WriteAllBytes(Path.Combine(findings, name + ".bin"), input);
            File.WriteAllText(Path.Combine(findings, name + ".txt"), $"{signature}\n{string.Join("\n", overrides)}\n\n{e}\n");
        }
    }
}
