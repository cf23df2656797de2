using System.Globalization;
using System.Text;
using System.Text.Json;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Replays;

/// <summary>What reading a replay gave: the replay, or the diagnostics saying why there is none.</summary>
public sealed record ReplayReadResult(ReplayFile? Replay, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads and writes replay files. Hashes are written as 16-digit lowercase hex strings (JSON numbers lose
/// precision above 2^53 in many readers); the seed as a decimal string for the same reason.
/// </summary>
public static class ReplayJson
{
    public const string MalformedCode = "BOS9001";
    public const string FormatCode = "BOS9002";
    public const string FieldCode = "BOS9003";

    public static string Write(ReplayFile replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", ReplayFile.CurrentFormat);
            w.WriteString("scenario", replay.Scenario);
            w.WriteString("scenarioHash", replay.ScenarioHash);
            w.WriteString("seed", replay.Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteStartArray("overrides");
            foreach (var o in replay.Overrides)
            {
                w.WriteStartObject();
                w.WriteString("path", o.Path);
                w.WriteString("value", o.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("orders");
            foreach (var o in replay.Orders)
            {
                w.WriteStartObject();
                w.WriteNumber("hour", o.Time.Hours);
                w.WriteString("side", Naming.Kebab(o.Side.ToString()));
                w.WriteString("kind", Naming.Kebab(o.Kind.ToString()));
                w.WriteNumber("target", o.Target);
                w.WriteNumber("value", o.Value);
                if (o.Source != OrderSource.Player)
                {
                    w.WriteString("source", Naming.Kebab(o.Source.ToString()));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("dailyHashes");
            foreach (var h in replay.DailyHashes)
            {
                w.WriteStringValue(Hex(h));
            }

            w.WriteEndArray();
            if (replay.SubsystemHashes.Count > 0)
            {
                w.WriteStartObject("subsystemHashes");
                for (var sub = 0; sub < Simulation.SubsystemCount; sub++)
                {
                    w.WriteStartArray(Naming.Kebab(((Subsystem)sub).ToString()));
                    for (var i = sub; i < replay.SubsystemHashes.Count; i += Simulation.SubsystemCount)
                    {
                        w.WriteStringValue(Hex(replay.SubsystemHashes[i]));
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteString("finalHash", Hex(replay.FinalHash));
            if (replay.Play is { } play)
            {
                w.WriteStartObject("play");
                w.WriteNumber("hour", play.Hour);
                if (play.Human is not null)
                {
                    w.WriteString("human", play.Human);
                }

                w.WriteNumber("aiLevel", play.AiLevel);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the replay to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public static void WriteFile(string path, ReplayFile replay)
    {
        var text = Write(replay);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the original failure is the one to report
            }

            throw;
        }
    }

    public static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);

    public static ReplayReadResult Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var col = (int)(e.BytePositionInLine ?? 0) + 1;
            return Fail(new Diagnostic(Severity.Error, MalformedCode, fileName, line, col, string.Empty,
                "This replay is not valid JSON.", "Replay files are written by 'bosporos run --replay'; do not edit them by hand."));
        }

        using (doc)
        {
            var errors = new List<Diagnostic>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(Field(fileName, string.Empty, "A replay is a JSON object."));
            }

            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number ||
                !format.TryGetInt32(out var version) || version != ReplayFile.CurrentFormat)
            {
                return Fail(new Diagnostic(Severity.Error, FormatCode, fileName, 0, 0, "format",
                    $"Unsupported replay format (this program reads format {ReplayFile.CurrentFormat}).",
                    "Record the replay again with this version of bosporos."));
            }

            var scenario = String(root, "scenario", fileName, errors);
            var scenarioHash = String(root, "scenarioHash", fileName, errors);
            var seedText = String(root, "seed", fileName, errors);
            ulong seed = 0;
            if (seedText is not null && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
            {
                errors.Add(Field(fileName, "seed", "The seed must be a whole number from 0 to 18446744073709551615."));
            }

            var overrides = new List<ScenarioOverride>();
            foreach (var (item, i) in Array(root, "overrides", fileName, errors))
            {
                var p = String(item, "path", fileName, errors, $"overrides.{i}.");
                var v = String(item, "value", fileName, errors, $"overrides.{i}.");
                if (p is not null && v is not null)
                {
                    overrides.Add(new ScenarioOverride(p, v));
                }
            }

            var orders = new List<Order>();
            foreach (var (item, i) in Array(root, "orders", fileName, errors))
            {
                if (ReadOrder(item) is not { } order)
                {
                    errors.Add(Field(fileName, $"orders.{i}", "An order needs hour (>= 0), side, kind, target and value."));
                }
                else if (ReadSource(item) is not { } source)
                {
                    errors.Add(Field(fileName, $"orders.{i}.source", "'source' is one of player, ai, doctrine, script (or absent for player)."));
                }
                else
                {
                    orders.Add(order with { Source = source });
                }
            }

            var daily = new List<ulong>();
            foreach (var (item, i) in Array(root, "dailyHashes", fileName, errors))
            {
                if (ParseHex(item) is { } h)
                {
                    daily.Add(h);
                }
                else
                {
                    errors.Add(Field(fileName, $"dailyHashes.{i}", "A hash is a string of 16 hex digits."));
                }
            }

            var subsystems = ReadSubsystems(root, daily.Count, fileName, errors);
            ulong final = 0;
            if (!root.TryGetProperty("finalHash", out var finalElement) || ParseHex(finalElement) is not { } f)
            {
                errors.Add(Field(fileName, "finalHash", "A hash is a string of 16 hex digits."));
            }
            else
            {
                final = f;
            }

            var play = ReadPlay(root, fileName, errors);
            return errors.Count > 0 || scenario is null || scenarioHash is null
                ? new ReplayReadResult(null, errors)
                : new ReplayReadResult(new ReplayFile(scenario, scenarioHash, seed, overrides, orders, daily, final) { SubsystemHashes = subsystems, Play = play }, []);
        }
    }

    /// <summary>Reads the optional per-subsystem hashes: one list per subsystem, each as long as dailyHashes.</summary>
    private static ulong[] ReadSubsystems(JsonElement root, int days, string file, List<Diagnostic> errors)
    {
        if (!root.TryGetProperty("subsystemHashes", out var element))
        {
            return [];
        }

        var flat = new ulong[days * Simulation.SubsystemCount];
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Field(file, "subsystemHashes", "'subsystemHashes' must map each subsystem to its list of daily hashes."));
            return [];
        }

        for (var sub = 0; sub < Simulation.SubsystemCount; sub++)
        {
            var name = Naming.Kebab(((Subsystem)sub).ToString());
            if (!element.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() != days)
            {
                errors.Add(Field(file, $"subsystemHashes.{name}", $"'{name}' must list one hash per day ({days})."));
                return [];
            }

            var day = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ParseHex(item) is not { } h)
                {
                    errors.Add(Field(file, $"subsystemHashes.{name}.{day}", "A hash is a string of 16 hex digits."));
                    return [];
                }

                flat[(day * Simulation.SubsystemCount) + sub] = h;
                day++;
            }
        }

        return flat;
    }

    /// <summary>Reads the optional saved-game record: the hour play stopped at, the player's side, the AI level.</summary>
    private static SavedPlay? ReadPlay(JsonElement root, string file, List<Diagnostic> errors)
    {
        if (!root.TryGetProperty("play", out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Field(file, "play", "'play' must be an object with hour, human and aiLevel."));
            return null;
        }

        if (!element.TryGetProperty("hour", out var hour) || hour.ValueKind != JsonValueKind.Number || !hour.TryGetInt32(out var h) || h < 0)
        {
            errors.Add(Field(file, "play.hour", "'hour' must be a whole number of hours from the start, 0 or more."));
            return null;
        }

        string? human = null;
        if (element.TryGetProperty("human", out var humanElement))
        {
            human = humanElement.ValueKind == JsonValueKind.String ? humanElement.GetString() : null;
            if (human is not ("roman" or "avar"))
            {
                errors.Add(Field(file, "play.human", "'human' must be roman or avar."));
                return null;
            }
        }

        if (!element.TryGetProperty("aiLevel", out var level) || level.ValueKind != JsonValueKind.Number || !level.TryGetInt32(out var l) || l < 0 || l > 9)
        {
            errors.Add(Field(file, "play.aiLevel", "'aiLevel' must be a whole number from 0 to 9."));
            return null;
        }

        return new SavedPlay(h, human, l);
    }

    /// <summary>Who gave an order; absent means a player (files written before sources were recorded).</summary>
    private static OrderSource? ReadSource(JsonElement e)
    {
        if (!e.TryGetProperty("source", out var source))
        {
            return OrderSource.Player;
        }

        return source.ValueKind == JsonValueKind.String && TryEnum<OrderSource>(source.GetString()!, out var s) ? s : null;
    }

    private static ReplayReadResult Fail(Diagnostic d) => new(null, [d]);

    private static Diagnostic Field(string file, string path, string message) =>
        new(Severity.Error, FieldCode, file, 0, 0, path, message, "Replay files are written by 'bosporos run --replay'; do not edit them by hand.");

    private static string? String(JsonElement e, string name, string file, List<Diagnostic> errors, string prefix = "")
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        errors.Add(Field(file, prefix + name, $"'{name}' must be a string."));
        return null;
    }

    private static List<(JsonElement Item, int Index)> Array(JsonElement e, string name, string file, List<Diagnostic> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Field(file, name, $"'{name}' must be a list."));
            return [];
        }

        return v.EnumerateArray().Select((item, i) => (Item: item, Index: i)).ToList();
    }

    private static Order? ReadOrder(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object ||
            !e.TryGetProperty("hour", out var hour) || hour.ValueKind != JsonValueKind.Number || !hour.TryGetInt32(out var h) || h < 0 ||
            !e.TryGetProperty("side", out var side) || side.ValueKind != JsonValueKind.String ||
            !e.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String ||
            !e.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.Number || !target.TryGetInt16(out var t) ||
            !e.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var v) ||
            !TryEnum<Side>(side.GetString()!, out var s) || !TryEnum<OrderKind>(kind.GetString()!, out var k))
        {
            return null;
        }

        return new Order(new SimTime(h), s, k, t, v);
    }

    private static bool TryEnum<T>(string kebab, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Naming.Kebab(candidate.ToString()) == kebab)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static ulong? ParseHex(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && e.GetString() is { Length: 16 } s &&
        ulong.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            ? v
            : null;

}
