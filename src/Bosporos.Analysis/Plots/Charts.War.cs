using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;

namespace Bosporos.Analysis.Plots;

/// <summary>A value with its 95 % interval, as a bar and its whisker.</summary>
public sealed record BarValue(double Value, double Low, double High);

/// <summary>One curve of a date chart: the days (from the scenario's first) on which the event came, out of how many runs.</summary>
public sealed record DateSeries(string Name, IReadOnlyList<int> Days, int Runs);

public static partial class Charts
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Bars in groups (one group per entry of <paramref name="groups"/>, one bar per series in each), each with its
    /// 95 % whisker; <paramref name="value"/>(group, series) gives the bar. A horizontal rule marks 0 when bars go below it.
    /// Series s takes the palette's colour <paramref name="firstColour"/> + s, so that a variant keeps its colour from chart to chart.
    /// </summary>
    public static ChartImage GroupedBars(
        string name,
        string title,
        string yLabel,
        IReadOnlyList<string> groups,
        IReadOnlyList<string> series,
        Func<int, int, BarValue> value,
        double? yMin = null,
        double? yMax = null,
        int firstColour = 0)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(value);
        var plot = NewPlot(title, "", yLabel);
        var groupWidth = series.Count + 1;
        double lowest = 0, highest = 0;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var up = new List<double>();
            var down = new List<double>();
            for (var g = 0; g < groups.Count; g++)
            {
                var v = value(g, s);
                var x = (g * groupWidth) + s;
                var y = double.IsNaN(v.Value) ? 0 : v.Value;
                bars.Add(new Bar { Position = x, Value = y, FillColor = Palette[(s + firstColour) % Palette.Length], LineWidth = 0, Size = 0.9 });
                xs.Add(x);
                ys.Add(y);
                up.Add(double.IsNaN(v.High) ? 0 : Math.Max(0, v.High - y));
                down.Add(double.IsNaN(v.Low) ? 0 : Math.Max(0, y - v.Low));
                lowest = Math.Min(lowest, double.IsNaN(v.Low) ? y : v.Low);
                highest = Math.Max(highest, double.IsNaN(v.High) ? y : v.High);
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = series[s];
            var errors = plot.Add.ErrorBar(xs, ys, up);
            errors.YErrorPositive = up;
            errors.YErrorNegative = down;
            errors.Color = Colors.Black;
            errors.LineWidth = 1.5f;
        }

        if (lowest < 0)
        {
            plot.Add.HorizontalLine(0, 1f, Colors.Black);
        }

        var centres = groups.Select((_, g) => (g * groupWidth) + ((series.Count - 1) / 2.0)).ToArray();
        plot.Axes.Bottom.SetTicks(centres, [.. groups]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.SetLimitsX(-1, Math.Max(1, groups.Count * groupWidth) - 1);
        var span = Math.Max(1e-9, highest - lowest);
        plot.Axes.SetLimitsY(yMin ?? (lowest < 0 ? lowest - (0.08 * span) : 0), yMax ?? (highest + (0.08 * span)));
        LegendBeside(plot);
        return Render(plot, name, title);
    }

    /// <summary>
    /// The share of runs in which an event has come by each date, one step curve per series (it stays below 1 when the
    /// event did not come in every run); the x axis is labelled with Julian calendar months.
    /// </summary>
    /// <param name="startDayNumber">The Julian day number of day 0 (the scenario's first day).</param>
    public static ChartImage DateCurves(string name, string title, string yLabel, IReadOnlyList<DateSeries> series, int startDayNumber, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title, "date (Julian calendar)", yLabel);
        var all = series.SelectMany(s => s.Days).ToList();
        var first = all.Count == 0 ? 0 : Math.Max(0, all.Min() - 30);
        var last = all.Count == 0 ? horizonDays : Math.Max(first + 60, all.Max() + 30);
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            if (s.Runs == 0)
            {
                continue;
            }

            var xs = new List<double> { first };
            var ys = new List<double> { 0 };
            var count = 0;
            foreach (var day in s.Days.Order())
            {
                count++;
                if (xs[^1] == day)
                {
                    ys[^1] = (double)count / s.Runs;
                    continue;
                }

                xs.Add(day);
                ys.Add((double)count / s.Runs);
            }

            xs.Add(last);
            ys.Add(ys[^1]);
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Palette[i % Palette.Length]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            Distinguish(line, i, series.Count);
            line.LegendText = s.Name;
        }

        var (positions, labels) = MonthTicks(first, last, startDayNumber);
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.SetLimitsX(first, last);
        plot.Axes.SetLimitsY(0, 1.05);
        LegendBeside(plot);
        return Render(plot, name, title);
    }

    /// <summary>Ticks on the first of the month, every 1, 2, 3, 6, 12 or 24 months so that there are at most nine.</summary>
    internal static (double[] Positions, string[] Labels) MonthTicks(int firstDay, int lastDay, int startDayNumber)
    {
        var from = Kernel.War.JulianDate.FromDayNumber(startDayNumber + firstDay);
        var until = Kernel.War.JulianDate.FromDayNumber(startDayNumber + lastDay);
        var months = ((until.Year - from.Year) * 12) + until.Month - from.Month + 1;
        var step = new[] { 1, 2, 3, 6, 12, 24 }.FirstOrDefault(s => months / s <= 9, 24);
        var positions = new List<double>();
        var labels = new List<string>();
        var index = ((from.Year * 12) + from.Month - 1 + step - 1) / step * step; // months since year 0, rounded up to the step
        for (; ; index += step)
        {
            var date = new Kernel.War.JulianDate(index / 12, (index % 12) + 1, 1);
            var day = date.DayNumber - startDayNumber;
            if (day > lastDay)
            {
                break;
            }

            if (day >= firstDay)
            {
                positions.Add(day);
                labels.Add(MonthNames[date.Month - 1] + " " + date.Year.ToString(CultureInfo.InvariantCulture));
            }
        }

        return ([.. positions], [.. labels]);
    }
}
