using System.Globalization;
using System.Text;
using Bosporos.Scenarios;

namespace Bosporos.Analysis.Branching;

/// <summary>One arm of a branch experiment besides the baseline: a name and the values it changes.</summary>
public sealed record BranchVariant(string Name, IReadOnlyList<ScenarioOverride> Set);

/// <summary>The experiment file that a branch from a replay describes (for the store, resume and report).</summary>
public static class BranchExperiment
{
    /// <summary>
    /// A paired experiment whose 'branch' section names the replay (absolute path and SHA-256) and the moment; the
    /// master seed is the replay's seed (run k's dice are keyed by k). The replay's own overrides are not repeated:
    /// the branch model applies them under every arm.
    /// </summary>
    public static string Text(BranchPoint point, IReadOnlyList<BranchVariant> variants, long runs, string origin)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(variants);
        var b = new StringBuilder();
        b.Append("# Built by ").Append(origin).Append(".\n")
            .Append("format: 1\n")
            .Append("id: branch\n")
            .Append("scenario: ").Append(Quote(point.Replay.Scenario)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"master-seed: {point.Replay.Seed}\n")
            .Append(CultureInfo.InvariantCulture, $"runs: {runs}\n")
            .Append(CultureInfo.InvariantCulture, $"batch: {Math.Clamp(runs / 20, 25, 500)}\n")
            .Append("mode: paired\n")
            .Append("branch:\n")
            .Append("  replay: ").Append(Quote(point.ReplayPath)).Append('\n')
            .Append("  replay-hash: ").Append(point.ReplayHash).Append('\n')
            .Append("  at: ").Append(Quote(point.Dates.Moment(point.Hour))).Append('\n');
        if (variants.Count > 0)
        {
            b.Append("variants:\n");
        }

        foreach (var v in variants)
        {
            b.Append("  - name: ").Append(v.Name).Append('\n').Append("    set:\n");
            foreach (var o in v.Set)
            {
                b.Append("      ").Append(o.Path).Append(": ").Append(Quote(o.Value)).Append('\n');
            }
        }

        return b.ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
