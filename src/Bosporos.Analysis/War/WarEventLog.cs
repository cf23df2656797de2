using System.Text.Json;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;

namespace Bosporos.Analysis.War;

/// <summary>
/// The war's event log as JSON Lines, one event a line with the same keys on every line (pandas.read_json(path,
/// lines=True) reads it as a table): day, Julian date, kind, the ids and names of the region and armies (null when
/// unused), the three values, the odds and roll out of 10,000 (-1 when no dice) and the chronicle's sentence.
/// </summary>
public static class WarEventLog
{
    public static void Write(Stream stream, WarSimulation sim)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sim);
        var d = sim.Definition;
        string? Region(int i) => i >= 0 && i < d.Regions.Length ? d.Regions[i].Id : null;
        string? Army(int i) => i >= 0 && i < d.Armies.Length ? d.Armies[i].Id : null;
        using var w = new Utf8JsonWriter(stream);
        foreach (var e in sim.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("day", e.Day);
            w.WriteString("date", sim.DateOf(e.Day).ToString());
            w.WriteString("kind", Naming.Kebab(e.Kind.ToString()));
            w.WriteString("region", Region(e.Region));
            w.WriteString("army", Army(e.Army));
            w.WriteString("other", Army(e.Other));
            w.WriteNumber("value1", e.Value1);
            w.WriteNumber("value2", e.Value2);
            w.WriteNumber("value3", e.Value3);
            w.WriteNumber("odds", e.Odds);
            w.WriteNumber("roll", e.Roll);
            w.WriteString("text", WarSentences.Sentence(sim, e));
            w.WriteEndObject();
            w.Flush();
            stream.WriteByte((byte)'\n');
            w.Reset();
        }
    }
}
