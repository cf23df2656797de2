using System.Globalization;
using System.Text;
using System.Text.Json;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Scenarios.Narrative;
using Spectre.Console;
using static Bosporos.Scenarios.Narrative.Names;

namespace Bosporos.Cli.Rendering;

/// <summary>Renders one finished run: the JSON result object, the events file and the summary table.</summary>
internal static class RunOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static string Outcome(Outcome o) => o switch
    {
        Kernel.Outcome.Lifted => "lifted",
        Kernel.Outcome.Fallen => "fallen",
        Kernel.Outcome.Negotiated => "negotiated",
        _ => "undecided",
    };

    public static string Hex(ulong v) => v.ToString("x16", CultureInfo.InvariantCulture);

    public static string Json(Simulation sim, string scenarioHash)
    {
        var d = sim.Definition;
        var s = sim.Summary;
        var dates = new JulianDates(d.Calendar);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartObject();
            w.WriteString("scenario", d.Id);
            w.WriteNumber("seed", sim.Seed);
            w.WriteString("outcome", Outcome(s.Outcome));
            w.WriteString("cause", Kebab(s.Cause.ToString()));
            w.WriteString("endDate", dates.Iso(s.End.Day));
            w.WriteNumber("endHour", s.End.HourOfDay);
            w.WriteNumber("endDay", s.End.Day);
            w.WriteNumber("closeSiegeDays", s.CloseSiegeDays);
            w.WriteNumber("persiansFerried", s.PersiansFerried);
            w.WriteStartObject("losses");
            for (var i = 0; i < d.Contingents.Length; i++)
            {
                var l = sim.Ledger(i);
                w.WriteStartObject(d.Contingents[i].Id);
                w.WriteString("side", Kebab(d.Contingents[i].Side.ToString()));
                w.WriteNumber("killed", l.Killed);
                w.WriteNumber("wounded", l.Wounded);
                w.WriteNumber("deserted", l.Deserted);
                w.WriteNumber("captured", l.Captured);
                w.WriteNumber("present", l.Present);
                w.WriteNumber("arrived", l.Arrived);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("assault");
            w.WriteNumber("attackerLosses", s.AssaultAttackerLosses);
            w.WriteNumber("defenderLosses", s.AssaultDefenderLosses);
            if (s.AssaultDefenderLosses > 0)
            {
                w.WriteNumber("lossRatio", Math.Round(s.AssaultAttackerLosses / (double)s.AssaultDefenderLosses, 4));
            }
            else
            {
                w.WriteNull("lossRatio");
            }

            w.WriteEndObject();
            w.WriteStartObject("canoes");
            w.WriteNumber("launched", s.CanoesLaunched);
            w.WriteNumber("lost", s.CanoesLost);
            w.WriteEndObject();
            w.WriteNumber("enginesLost", s.EnginesLost);
            w.WriteNumber("towersBurned", s.TowersBurned);
            w.WriteNumber("minWallIntegrityPermille", s.MinWallIntegrityPermille);
            w.WriteBoolean("envoysCaught", s.EnvoysCaught);
            w.WriteBoolean("signalLearned", s.SignalLearned);
            w.WriteStartArray("withdrawalFactors");
            foreach (var f in Enum.GetValues<Kernel.WithdrawalFactors>())
            {
                if (f != Kernel.WithdrawalFactors.None && s.Factors.HasFlag(f))
                {
                    w.WriteStringValue(Kebab(f.ToString()));
                }
            }

            w.WriteEndArray();
            w.WriteNumber("khaganProspectsPermille", sim.KhaganProspects / 10);
            w.WriteNumber("hostShortfallManDays", s.ShortfallManDays);
            w.WriteNumber("hostDeserted", s.HostDeserted);
            w.WriteNumber("warshipsDamaged", s.WarshipsDamaged);
            w.WriteNumber("events", sim.Events.All.Length);
            w.WriteString("stateHash", Hex(s.StateHash));
            w.WriteString("scenarioHash", scenarioHash);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one JSON object per event, one per line, to <paramref name="path"/> via a temporary file and a rename.</summary>
    public static void WriteEvents(string path, SiegeDefinition d, ReadOnlySpan<SiegeEvent> events)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var dates = new JulianDates(d.Calendar);
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using var w = new Utf8JsonWriter(file);
                foreach (var e in events)
                {
                    WriteEvent(w, d, dates, e);
                    w.Flush();
                    file.WriteByte((byte)'\n');
                    w.Reset();
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp); // a failed cleanup must not hide why the write failed
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // nothing more to do: the original failure is what the user needs to see
        }
    }

    private static void WriteEvent(Utf8JsonWriter w, SiegeDefinition d, JulianDates dates, in SiegeEvent e)
    {
        var f = EventFields.For(e.Kind);
        w.WriteStartObject();
        w.WriteNumber("time", e.Time.Hours);
        w.WriteNumber("day", e.Time.Day);
        w.WriteString("date", dates.Iso(e.Time.Day));
        w.WriteNumber("hour", e.Time.HourOfDay);
        w.WriteString("kind", Kebab(e.Kind.ToString()));
        if (ZoneId(d, e.Zone) is { } zone)
        {
            w.WriteString("zone", zone);
        }

        if (Id(d, f.Actor, e.Actor) is { } actor)
        {
            w.WriteString("actor", actor);
        }

        if (Id(d, f.Other, e.Other) is { } other)
        {
            w.WriteString("other", other);
        }

        if (f.Value1 is not null)
        {
            w.WriteNumber(f.Value1, e.Value1);
        }

        if (f.Value2 is not null)
        {
            w.WriteNumber(f.Value2, e.Value2);
        }

        if (f.Value3 is not null)
        {
            w.WriteNumber(f.Value3, e.Value3);
        }

        if (e.Odds >= 0)
        {
            w.WriteNumber("odds", e.Odds);
        }

        if (e.Roll >= 0)
        {
            w.WriteNumber("roll", e.Roll);
        }

        w.WriteEndObject();
    }

    public static void WriteSummaryTable(IAnsiConsole console, Simulation sim)
    {
        var d = sim.Definition;
        var s = sim.Summary;
        var dates = new JulianDates(d.Calendar);
        var table = new Table().Title("Summary").AddColumn("Measure").AddColumn("Value");
        table.AddRow("Outcome", Outcome(s.Outcome));
        table.AddRow("Ended", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{dates.Heading(s.End.Day)}, {s.End.HourOfDay:00}:00 (day {s.End.Day})")));
        table.AddRow("Cause", Markup.Escape(Cause(s.Cause)));
        if (s.Factors != Kernel.WithdrawalFactors.None)
        {
            table.AddRow("What weighed on him", Markup.Escape(Factors(s.Factors)));
        }

        table.AddRow("Close-siege days", Count(s.CloseSiegeDays));
        table.AddRow("Persians ferried", Count(s.PersiansFerried));
        var ratio = s.AssaultDefenderLosses > 0
            ? string.Create(CultureInfo.InvariantCulture, $" (ratio {s.AssaultAttackerLosses / (double)s.AssaultDefenderLosses:0.00}:1)")
            : string.Empty;
        table.AddRow("Assault losses", $"attackers {Count(s.AssaultAttackerLosses)}, defenders {Count(s.AssaultDefenderLosses)}{ratio}");
        table.AddRow("Canoes", $"{Count(s.CanoesLaunched)} launched, {Count(s.CanoesLost)} lost");
        table.AddRow("Engines lost", Count(s.EnginesLost));
        table.AddRow("Towers burned", Count(s.TowersBurned));
        table.AddRow("Weakest wall", Percent(s.MinWallIntegrityPermille));
        table.AddRow("State hash", Hex(s.StateHash));
        console.Write(table);

        var losses = new Table().Title("Losses by contingent")
            .AddColumn("Contingent").AddColumn("Side")
            .AddColumn(new TableColumn("Killed").RightAligned()).AddColumn(new TableColumn("Wounded").RightAligned())
            .AddColumn(new TableColumn("Deserted").RightAligned()).AddColumn(new TableColumn("Captured").RightAligned())
            .AddColumn(new TableColumn("Present").RightAligned());
        for (var i = 0; i < d.Contingents.Length; i++)
        {
            var l = sim.Ledger(i);
            losses.AddRow(
                Markup.Escape(d.Contingents[i].Name), Kebab(d.Contingents[i].Side.ToString()),
                Count(l.Killed), Count(l.Wounded), Count(l.Deserted), Count(l.Captured), Count(l.Present));
        }

        console.Write(losses);
    }
}
