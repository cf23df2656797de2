using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Branching;

/// <summary>How many runs of an arm ended on one day.</summary>
public sealed record EndDayCount(int Day, string Date, long Runs);

/// <summary>When an arm's runs ended: the 10%, 50% and 90% points of the end hour, as hours and dates, and runs per day.</summary>
public sealed record EndDates(string Variant, long Runs, int P10Hour, int MedianHour, int P90Hour, string P10, string Median, string P90, IReadOnlyList<EndDayCount> Days);

/// <summary>Where a branch experiment starts (the replay and the moment) and when its arms' sieges ended.</summary>
public sealed record BranchReport(
    string Replay,
    string ReplayHash,
    ulong ReplaySeed,
    string At,
    int AtHour,
    string AtText,
    string ReplayOutcome,
    string ReplayEnd,
    int RemainingOrders,
    IReadOnlyList<EndDates> EndDates)
{
    /// <summary>The branch section of a report on rows of a branch experiment.</summary>
    public static BranchReport Build(BranchSiegeModel model, IReadOnlyList<string> variants, IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(rows);
        var p = model.Point;
        var dates = p.Dates;
        var byVariant = rows.GroupBy(r => r.Variant, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.EndHour).Order().ToArray(), StringComparer.Ordinal);
        var ends = new List<EndDates>();
        foreach (var v in variants)
        {
            var hours = byVariant.GetValueOrDefault(v) ?? [];
            if (hours.Length == 0)
            {
                ends.Add(new EndDates(v, 0, 0, 0, 0, "-", "-", "-", []));
                continue;
            }

            var sorted = hours.Select(h => (double)h).ToArray();
            int At(double q) => (int)Math.Round(Quantiles.OfSorted(sorted, q), MidpointRounding.AwayFromZero);
            var (p10, p50, p90) = (At(0.1), At(0.5), At(0.9));
            var days = hours.GroupBy(h => h / 24).OrderBy(g => g.Key).Select(g => new EndDayCount(g.Key, dates.Iso(g.Key), g.LongCount())).ToList();
            ends.Add(new EndDates(v, hours.Length, p10, p50, p90, dates.Format(p10), dates.Format(p50), dates.Format(p90), days));
        }

        var trunkEnd = p.EndHour;
        return new BranchReport(
            Path.GetFileName(p.ReplayPath), p.ReplayHash, p.Replay.Seed, dates.Moment(p.Hour), p.Hour, p.Moment,
            p.ReplayOutcome, dates.Format(trunkEnd), p.RemainingOrders.Count, ends);
    }

    /// <summary>The section as text: where the branch starts, then the end dates of every arm and a day-by-day count.</summary>
    public void WriteText(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine();
        w.WriteLine(F($"Branched from {Replay} (seed {ReplaySeed}) at {AtText} (hour {AtHour}); the replay itself ends {ReplayOutcome} at {ReplayEnd}. Every arm goes on from that hour with sample key k for run k{(RemainingOrders > 0 ? $" and the replay's {RemainingOrders} remaining orders" : string.Empty)}."));
        w.WriteLine("When the siege ended (Julian calendar): 10% / median / 90% of runs");
        var width = Math.Max(10, EndDates.Max(e => e.Variant.Length) + 2);
        foreach (var e in EndDates)
        {
            w.WriteLine(F($"  {e.Variant.PadRight(width)}{e.P10,-24}{e.Median,-24}{e.P90}"));
        }

        var allDays = EndDates.SelectMany(e => e.Days).Select(d => (d.Day, d.Date)).Distinct().OrderBy(d => d.Day).ToList();
        if (allDays.Count == 0)
        {
            return;
        }

        w.WriteLine("Runs ending on each day:");
        w.WriteLine("  " + "date".PadRight(12) + string.Concat(EndDates.Select(e => e.Variant.PadLeft(Math.Max(10, e.Variant.Length + 2)))));
        foreach (var (day, date) in allDays)
        {
            w.WriteLine("  " + date.PadRight(12) + string.Concat(EndDates.Select(e =>
                (e.Days.FirstOrDefault(d => d.Day == day)?.Runs ?? 0).ToString("N0", CultureInfo.InvariantCulture).PadLeft(Math.Max(10, e.Variant.Length + 2)))));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
