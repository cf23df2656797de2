using System.Globalization;

namespace Bosporos.Fuzz;

/// <summary>
/// The long fuzz: dotnet run -c Release --project tests/Bosporos.Fuzz -- [--target scenario|experiment|all]
/// [--executions N] [--seconds S] [--seed N] [--findings DIR]. Exit 0 with no crash, 1 with crashes (inputs in DIR).
/// With --afl scenario|experiment it is an AFL++ target through SharpFuzz instead.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--afl", var name])
        {
            // Coverage-guided mode under AFL++ (docs/reliability.md): one input per round on stdin, exceptions are crashes.
            // The target is made inside the loop: instrumented code may run only once SharpFuzz has set up AFL's map.
            FuzzTarget? aflTarget = null;
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                aflTarget ??= Fuzzing.Targets(name).Single();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                aflTarget.Run(buffer.ToArray(), []);
            });
            return 0;
        }

        var target = "all";
        long executions = 1_000_000;
        var seconds = 24 * 3600.0;
        ulong seed = 626;
        string? findings = "fuzz-findings";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--target": target = value; break;
                case "--executions": executions = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": seed = ulong.Parse(value, CultureInfo.InvariantCulture); break;
                case "--findings": findings = value; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var crashes = 0;
        foreach (var t in Fuzzing.Targets(target))
        {
            var report = Campaign.Run(t, Fuzzing.Seeds(t), seed, executions, TimeSpan.FromSeconds(seconds), findings, Console.Out.WriteLine);
            Console.WriteLine(report);
            foreach (var c in report.Crashes)
            {
                Console.WriteLine($"  crash: {c.Signature} ({c.Hits} hits): {c.Message}");
            }

            crashes += report.Crashes.Count;
        }

        return crashes == 0 ? 0 : 1;
    }
}

/// <summary>Where the targets and their seed corpora are.</summary>
internal static class Fuzzing
{
    public static string Corpus(string target) => Path.Combine(AppContext.BaseDirectory, "corpus", target);

    public static IReadOnlyList<byte[]> Seeds(FuzzTarget target) => Campaign.Seeds(Corpus(target.Name));

    public static IEnumerable<FuzzTarget> Targets(string which)
    {
        if (which is "all" or "scenario")
        {
            yield return new ScenarioTarget();
        }

        if (which is "all" or "experiment")
        {
            yield return new ExperimentTarget(Path.Combine(AppContext.BaseDirectory, "shipped", "constantinople-626.yaml"));
        }
    }
}
