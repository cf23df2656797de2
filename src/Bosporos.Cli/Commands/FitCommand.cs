using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bosporos.Analysis.Fitting;
using Bosporos.Analysis.Statistics;
using Spectre.Console;

namespace Bosporos.Cli.Commands;

internal sealed record FitOutput(string Format, string? Out);

internal sealed record IwoJimaRequest(string? Data, double JapaneseStart, FitOutput Output);

internal sealed record Cdb90Request(string? Data, int? Before, ulong Seed, int Replicates, FitOutput Output);

internal sealed record AcwRequest(string? Data, ulong Seed, int Replicates, FitOutput Output);

/// <summary>bosporos fit iwo-jima | cdb90: attrition laws fitted to battle data (docs/battle-fits.md).</summary>
internal static class FitCommand
{
    /// <summary>The shipped battle data, relative to the data folder.</summary>
    internal const string IwoJimaFile = "iwo-jima-engel1954/us_strength_by_day.csv";

    internal const string Cdb90Folder = "cdb90";

    internal const string AcwFolder = "acw-livermore1900";

    public static Command Build(CliEnvironment env)
    {
        var fit = new Command("fit", "Fit attrition laws to battle data: Engel's Iwo Jima series, the CDB90 table of battles, or Livermore's Civil War battles.");

        var iwoData = new Option<string?>("--data") { Description = $"The daily series (CSV: day, us_landed_cumulative, us_casualties_cumulative, us_active_strength); default the shipped data/battles/{IwoJimaFile}.", HelpName = "FILE" };
        var japanese = new Option<double>("--japanese") { Description = "The Japanese garrison at the start (Engel: 21,500); 0 at the end.", DefaultValueFactory = _ => EngelFit.IwoJimaJapaneseStart, HelpName = "MEN" };
        japanese.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && double.TryParse(r.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !(v >= 1 && v <= 1e7))
            {
                r.AddError("--japanese must be a number of men from 1 to 10,000,000.");
            }
        });
        var (iwoFormat, iwoOut) = OutputOptions();
        var iwo = new Command("iwo-jima", "Engel's square-law fit to Iwo Jima 1945 (a and b per day), and the exponent laws compared by least squares.") { iwoData, japanese, iwoFormat, iwoOut };
        iwo.SetAction(p => ExecuteIwoJima(env, new IwoJimaRequest(p.GetValue(iwoData), p.GetValue(japanese), new FitOutput(p.GetValue(iwoFormat)!, p.GetValue(iwoOut)))));
        fit.Add(iwo);

        var cdbData = new Option<string?>("--data") { Description = $"The folder holding {Cdb90.PatchedFile}, {Cdb90.BattlesFile} and {Cdb90.DurationsFile}; default the shipped data/battles/{Cdb90Folder}.", HelpName = "DIR" };
        var before = new Option<int?>("--before") { Description = "Also fit the battles that began before this year (e.g. 1900).", HelpName = "YEAR" };
        before.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && (y < 1 || y > 9999))
            {
                r.AddError("--before must be a year from 1 to 9999.");
            }
        });
        var (seed, replicates) = BootstrapOptions();
        var (cdbFormat, cdbOut) = OutputOptions();
        var cdb = new Command("cdb90", "Helmbold's casualty law fitted to the CDB90 battles: loss rate per day against the force ratio, for each side.") { cdbData, before, seed, replicates, cdbFormat, cdbOut };
        cdb.SetAction(p => ExecuteCdb90(env, new Cdb90Request(p.GetValue(cdbData), p.GetValue(before), p.GetValue(seed), p.GetValue(replicates), new FitOutput(p.GetValue(cdbFormat)!, p.GetValue(cdbOut)))));
        fit.Add(cdb);

        var acwData = new Option<string?>("--data") { Description = $"The folder holding {Livermore.BattlesFile} and {Livermore.ForcesFile}; default the shipped data/battles/{AcwFolder}.", HelpName = "DIR" };
        var (acwSeed, acwReplicates) = BootstrapOptions();
        var (acwFormat, acwOut) = OutputOptions();
        var acw = new Command("acw", "The same casualty law fitted to Livermore's American Civil War battles (killed and wounded).") { acwData, acwSeed, acwReplicates, acwFormat, acwOut };
        acw.SetAction(p => ExecuteAcw(env, new AcwRequest(p.GetValue(acwData), p.GetValue(acwSeed), p.GetValue(acwReplicates), new FitOutput(p.GetValue(acwFormat)!, p.GetValue(acwOut)))));
        fit.Add(acw);
        return fit;
    }

    private static (Option<ulong> Seed, Option<int> Replicates) BootstrapOptions()
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of the bootstrap of the mean loss rates.", DefaultValueFactory = _ => BattleTableFit.DefaultSeed };
        var replicates = new Option<int>("--replicates") { Description = "Bootstrap replicates (100 to 100,000).", DefaultValueFactory = _ => BattleTableFit.DefaultReplicates };
        replicates.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v is < 100 or > 100_000)
            {
                r.AddError("--replicates must be from 100 to 100,000.");
            }
        });
        return (seed, replicates);
    }

    private static (Option<string> Format, Option<string?> Out) OutputOptions()
    {
        var format = new Option<string>("--format") { Description = "Output format: text, json or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var output = new Option<string?>("--out") { Description = "Write the output to this file instead of the terminal.", HelpName = "FILE" };
        return (format, output);
    }

    /// <summary>
    /// The shipped battle data: a data/battles folder beside the program, else the one of the first directory above
    /// the working directory that holds Bosporos.slnx. Null when neither exists.
    /// </summary>
    internal static string? DataFolder(string baseDirectory, string currentDirectory)
    {
        var beside = Path.Combine(baseDirectory, "data", "battles");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "data", "battles");
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    private static string? Shipped(CliEnvironment env, string relative)
    {
        var folder = DataFolder(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        if (folder is null)
        {
            ExperimentSupport.Fail(env, ExitCodes.InvalidData, "the shipped battle data (data/battles) are not beside the program nor in the repository above this folder.",
                "Run from the repository, or give the data with --data.");
            return null;
        }

        return Path.Combine(folder, relative);
    }

    public static int ExecuteIwoJima(CliEnvironment env, IwoJimaRequest request)
    {
        if (PrepareOut(env, request.Output) is { } usage)
        {
            return usage;
        }

        var path = request.Data ?? Shipped(env, IwoJimaFile);
        if (path is null)
        {
            return ExitCodes.InvalidData;
        }

        DailySeries series;
        try
        {
            series = DailySeries.Read(path);
        }
        catch (DataFileException e)
        {
            return DataError(env, e);
        }

        var label = request.Data ?? "data/battles/" + IwoJimaFile;
        var engel = EngelFit.Of(series, request.JapaneseStart);
        var laws = LawFits.All(series, request.JapaneseStart);
        var best = LawFits.Best(laws);
        return Emit(env, request.Output, request.Output.Format switch
        {
            "json" => IwoJson(label, series, engel, laws, best),
            "csv" => IwoCsv(engel, laws),
            _ => IwoText(env, label, series, engel, laws, best),
        });
    }

    public static int ExecuteCdb90(CliEnvironment env, Cdb90Request request) =>
        ExecuteTable(env, request.Output, request.Data, Cdb90Folder, Cdb90.Read, request.Seed, request.Replicates, request.Before);

    public static int ExecuteAcw(CliEnvironment env, AcwRequest request) =>
        ExecuteTable(env, request.Output, request.Data, AcwFolder, Livermore.Read, request.Seed, request.Replicates, before: null);

    /// <summary>A battle-table fit: read the table (given or shipped), fit all battles and, with --before, the earlier ones.</summary>
    private static int ExecuteTable(CliEnvironment env, FitOutput output, string? given, string shippedFolder, Func<string, BattleTable> read, ulong seed, int replicates, int? before)
    {
        if (PrepareOut(env, output) is { } usage)
        {
            return usage;
        }

        var folder = given ?? Shipped(env, shippedFolder);
        if (folder is null)
        {
            return ExitCodes.InvalidData;
        }

        BattleTable data;
        try
        {
            data = read(folder);
        }
        catch (DataFileException e)
        {
            return DataError(env, e);
        }

        if (data.Battles.Count < 3)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{folder}: {data.Battles.Count} usable battle(s), too few for a fit.", "A fit needs at least 3 battles with both sides' strengths and losses.");
        }

        var fits = new List<BattleTableFit> { BattleTableFit.Of("all", data.Battles, seed, replicates) };
        if (before is { } year)
        {
            var early = data.Battles.Where(b => b.Year < year).ToList();
            if (early.Count < 3)
            {
                var first = data.Battles.Min(b => b.Year);
                return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--before {year}: {early.Count} usable battle(s) began before {year}, too few for a fit.",
                    $"The earliest battle in the data began in {first}; give a later year.");
            }

            fits.Add(BattleTableFit.Of($"before {year}", early, seed, replicates));
        }

        return EmitTable(env, output, given ?? "data/battles/" + shippedFolder, data, fits);
    }

    private static int EmitTable(CliEnvironment env, FitOutput output, string label, BattleTable data, List<BattleTableFit> fits) =>
        Emit(env, output, output.Format switch
        {
            "json" => CdbJson(label, data, fits),
            "csv" => CdbCsv(fits),
            _ => CdbText(env, label, data, fits),
        });

    private static int? PrepareOut(CliEnvironment env, FitOutput output)
    {
        if (output.Out is { } path && OutputFiles.Prepare("--out", path) is { } problem)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, problem);
        }

        return null;
    }

    private static int DataError(CliEnvironment env, DataFileException e)
    {
        env.Error.WriteLine("error: " + e.Message);
        if (e.Hint.Length > 0)
        {
            env.Error.WriteLine("  hint: " + e.Hint);
        }

        return ExitCodes.InvalidData;
    }

    private static int Emit(CliEnvironment env, FitOutput output, string text)
    {
        if (output.Out is not { } path)
        {
            env.Out.Write(text);
            return ExitCodes.Success;
        }

        if (!OutputFiles.Write(env, "--out", path, () => File.WriteAllText(path, text, new UTF8Encoding(false))))
        {
            return ExitCodes.InvalidData;
        }

        env.Out.WriteLine(path);
        return ExitCodes.Success;
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Signed(double share) => (share >= 0 ? "+" : "") + F(share * 100, "0.0") + "%";

    /// <summary>Text with Spectre tables, as plain characters (no colours) so that it reads the same in a file.</summary>
    private static string Render(CliEnvironment env, Action<IAnsiConsole, TextWriter> write)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        var console = new CliEnvironment(buffer, env.Error).OutConsole();
        write(console, buffer);
        return buffer.ToString();
    }

    private static string IwoText(CliEnvironment env, string label, DailySeries series, EngelFit engel, IReadOnlyList<LawFit> laws, LawFit best) => Render(env, (console, o) =>
    {
        o.WriteLine($"Iwo Jima 1945 (Engel 1954): {series.Count} days from {label}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engel's square law: dM/dt = -a J + P(t), dJ/dt = -b M; Japanese {engel.EnemyStart:N0} at the start, {engel.EnemyEnd:N0} at the end; sums over the days"));
        var table = new Table()
            .AddColumn("Coefficient (per day)")
            .AddColumn(new TableColumn("Fitted").RightAligned())
            .AddColumn(new TableColumn("Engel 1954").RightAligned())
            .AddColumn(new TableColumn("Difference").RightAligned());
        table.AddRow("a: US losses per Japanese soldier", F(engel.A, "0.0000"), F(EngelFit.PublishedA, "0.0000"), Signed(engel.A / EngelFit.PublishedA - 1));
        table.AddRow("b: Japanese losses per US soldier", F(engel.B, "0.0000"), F(EngelFit.PublishedB, "0.0000"), Signed(engel.B / EngelFit.PublishedB - 1));
        console.Write(table);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model run from the landings: R² {engel.ActiveFit.RSquared:0.000} on the US active strength, {engel.CasualtyFit.RSquared:0.000} on the US cumulative casualties; RMSE {engel.ActiveFit.Rmse:N0} men, worst day off by {engel.ActiveFit.MaxAbsError:N0}"));
        o.WriteLine(engel.EnemyGoneDay is { } gone
            ? $"model Japanese strength: 0 by the end of day {gone} (the record: day {series.Count})"
            : string.Create(CultureInfo.InvariantCulture, $"model Japanese strength: {engel.ModelEnemyAfter:N0} left after day {series.Count}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exponent laws dM/dt = -a J^p M^q + P(t), dJ/dt = -b M^p J^q, least squares of the cumulative US casualties (Japanese {engel.EnemyStart:N0} at the start, {Math.Max(engel.EnemyEnd, LawFits.MinimumEnemyEnd):N0} at the end):"));
        var lawTable = new Table()
            .AddColumn("Law")
            .AddColumn(new TableColumn("p").RightAligned())
            .AddColumn(new TableColumn("q").RightAligned())
            .AddColumn(new TableColumn("a").RightAligned())
            .AddColumn(new TableColumn("b").RightAligned())
            .AddColumn(new TableColumn("R²").RightAligned())
            .AddColumn(new TableColumn("RMSE (men)").RightAligned())
            .AddColumn(new TableColumn("AIC").RightAligned());
        foreach (var l in laws)
        {
            lawTable.AddRow(l.Name, F(l.P, "0.00"), F(l.Q, "0.00"), F(l.A, "0.###e+0"), F(l.B, "0.###e+0"), F(l.RSquared, "0.0000"), F(l.Rmse, "N0"), F(l.Aic, "0.0"));
        }

        console.Write(lawTable);
        var square = laws.First(l => l.Law == AttritionLaw.Square);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best fit (least AIC): {best.Name} (p {best.P:0.00}, q {best.Q:0.00}); of the classical laws the square law fits best (R² {square.RSquared:0.000} against {laws.Where(l => l.Law is AttritionLaw.Linear or AttritionLaw.Logarithmic).Max(l => l.RSquared):0.000})"));
    });

    private static string IwoJson(string label, DailySeries series, EngelFit engel, IReadOnlyList<LawFit> laws, LawFit best) => Json(w =>
    {
        w.WriteString("battle", "iwo-jima-1945");
        w.WriteString("data", label);
        w.WriteNumber("days", series.Count);
        w.WriteNumber("japaneseStart", engel.EnemyStart);
        w.WriteStartObject("engel");
        w.WriteNumber("a", Math.Round(engel.A, 6));
        w.WriteNumber("b", Math.Round(engel.B, 6));
        w.WriteNumber("publishedA", EngelFit.PublishedA);
        w.WriteNumber("publishedB", EngelFit.PublishedB);
        w.WriteNumber("relativeDifferenceA", Math.Round(engel.A / EngelFit.PublishedA - 1, 6));
        w.WriteNumber("relativeDifferenceB", Math.Round(engel.B / EngelFit.PublishedB - 1, 6));
        w.WriteStartObject("modelRun");
        w.WriteNumber("activeRSquared", Math.Round(engel.ActiveFit.RSquared, 6));
        w.WriteNumber("activeRmse", Math.Round(engel.ActiveFit.Rmse, 1));
        w.WriteNumber("activeMaxError", Math.Round(engel.ActiveFit.MaxAbsError, 1));
        w.WriteNumber("casualtiesRSquared", Math.Round(engel.CasualtyFit.RSquared, 6));
        w.WriteNumber("casualtiesRmse", Math.Round(engel.CasualtyFit.Rmse, 1));
        if (engel.EnemyGoneDay is { } gone)
        {
            w.WriteNumber("japaneseGoneDay", gone);
        }
        else
        {
            w.WriteNull("japaneseGoneDay");
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("laws");
        foreach (var l in laws)
        {
            w.WriteStartObject();
            w.WriteString("law", l.Name);
            w.WriteNumber("p", l.P);
            w.WriteNumber("q", l.Q);
            w.WriteNumber("a", Significant(l.A));
            w.WriteNumber("b", Significant(l.B));
            w.WriteNumber("parameters", l.Parameters);
            w.WriteNumber("rSquared", Math.Round(l.RSquared, 6));
            w.WriteNumber("rmse", Math.Round(l.Rmse, 1));
            w.WriteNumber("aic", Math.Round(l.Aic, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("best", best.Name);
    });

    private static string IwoCsv(EngelFit engel, IReadOnlyList<LawFit> laws)
    {
        var b = new StringBuilder("method,law,p,q,a,b,r_squared,rmse_men,aic\n");
        b.Append(CultureInfo.InvariantCulture, $"engel-sums,square,1,0,{G(engel.A)},{G(engel.B)},{R(engel.CasualtyFit.RSquared)},{F(engel.CasualtyFit.Rmse, "0.0")},\n");
        foreach (var l in laws)
        {
            b.Append(CultureInfo.InvariantCulture, $"least-squares,{l.Name},{R(l.P)},{R(l.Q)},{G(l.A)},{G(l.B)},{R(l.RSquared)},{F(l.Rmse, "0.0")},{F(l.Aic, "0.000")}\n");
        }

        return b.ToString();
    }

    private static string CdbText(CliEnvironment env, string label, BattleTable data, List<BattleTableFit> fits) => Render(env, (console, o) =>
    {
        o.WriteLine($"{data.Title} from {label}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"battles: {data.Rows} rows, {string.Join(", ", data.LeftOut.Select(l => $"{l.Count} {l.Description}"))}; {data.Battles.Count} used"));
        o.WriteLine($"losses counted: {data.Losses}");
        o.WriteLine("law for each side: ln(losses / strength / calendar day) = ln k + W ln(enemy strength / own strength); W is Helmbold's exponent (1 square law, 0 logarithmic)");
        var table = new Table().AddColumn("Quantity");
        foreach (var f in fits)
        {
            table.AddColumn(new TableColumn($"{f.Subset} (n = {f.N})").RightAligned());
        }

        void Row(string name, Func<BattleTableFit, string> cell) => table.AddRow([Markup.Escape(name), .. fits.Select(f => Markup.Escape(cell(f)))]);
        foreach (var (side, pick) in new (string, Func<BattleTableFit, SideFit>)[] { ("attacker", f => f.Attacker), ("defender", f => f.Defender) })
        {
            Row($"{side}: exponent W", f => Coefficient(pick(f).Exponent));
            Row($"{side}: k, daily loss at 1:1", f => Rate(pick(f).RateAtEvenOdds));
            Row($"{side}: R²", f => F(pick(f).Line.RSquared, "0.000"));
            Row($"{side}: scatter, SD of ln rate", f => F(pick(f).Line.ResidualSd, "0.00"));
            Row($"{side}: mean daily loss", f => Rate(pick(f).MeanDailyLoss));
            Row($"{side}: median daily loss", f => Percent.Of(pick(f).MedianDailyLoss));
        }

        Row("attacker won / lost", f => $"{f.AttackerWins} / {f.AttackerLosses}");
        console.Write(table);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intervals: 95%, t for the line, percentile bootstrap ({fits[0].Replicates:N0} replicates, seed {fits[0].Seed}) for the means"));
        o.WriteLine("field battle, loss per day of battle as a share of the side's strength (the median battle at those odds, 95% interval):");
        var odds = new Table()
            .AddColumn("Battles")
            .AddColumn(new TableColumn("Odds (attacker:defender)").RightAligned())
            .AddColumn(new TableColumn("Attacker").RightAligned())
            .AddColumn(new TableColumn("Defender").RightAligned());
        foreach (var f in fits)
        {
            foreach (var r in f.Odds)
            {
                odds.AddRow(Markup.Escape(f.Subset), $"{F(r.Odds, "0.#")}:1", Markup.Escape(Rate(r.Attacker)), Markup.Escape(Rate(r.Defender)));
            }
        }

        console.Write(odds);
    });

    private static string Coefficient(Interval i) => $"{F(i.Value, "0.00")} [{F(i.Low, "0.00")}, {F(i.High, "0.00")}]";

    private static string Rate(Interval i) => Percent.WithInterval(i.Value, i.Low, i.High);

    private static string CdbJson(string label, BattleTable data, List<BattleTableFit> fits) => Json(w =>
    {
        w.WriteString("title", data.Title);
        w.WriteString("data", label);
        w.WriteString("losses", data.Losses);
        w.WriteStartObject("rows");
        w.WriteNumber("total", data.Rows);
        foreach (var l in data.LeftOut)
        {
            w.WriteNumber(l.Key, l.Count);
        }

        w.WriteNumber("used", data.Battles.Count);
        w.WriteEndObject();
        w.WriteStartArray("fits");
        foreach (var f in fits)
        {
            w.WriteStartObject();
            w.WriteString("subset", f.Subset);
            w.WriteNumber("n", f.N);
            w.WriteNumber("attackerWins", f.AttackerWins);
            w.WriteNumber("attackerLosses", f.AttackerLosses);
            WriteSide(w, "attacker", f.Attacker);
            WriteSide(w, "defender", f.Defender);
            w.WriteStartArray("odds");
            foreach (var r in f.Odds)
            {
                w.WriteStartObject();
                w.WriteNumber("attackerToDefender", r.Odds);
                WriteInterval(w, "attackerDailyLoss", r.Attacker);
                WriteInterval(w, "defenderDailyLoss", r.Defender);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("bootstrapReplicates", f.Replicates);
            w.WriteNumber("seed", f.Seed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteSide(Utf8JsonWriter w, string name, SideFit side)
    {
        w.WriteStartObject(name);
        WriteInterval(w, "exponentW", side.Exponent);
        WriteInterval(w, "interceptLnK", side.Line.Intercept);
        WriteInterval(w, "dailyLossAtEvenOdds", side.RateAtEvenOdds);
        w.WriteNumber("rSquared", Math.Round(side.Line.RSquared, 6));
        w.WriteNumber("residualSd", Math.Round(side.Line.ResidualSd, 6));
        WriteInterval(w, "meanDailyLoss", side.MeanDailyLoss);
        w.WriteNumber("medianDailyLoss", Math.Round(side.MedianDailyLoss, 6));
        w.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter w, string name, Interval i)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value", Math.Round(i.Value, 6));
        w.WriteStartArray("ci95");
        w.WriteNumberValue(Math.Round(i.Low, 6));
        w.WriteNumberValue(Math.Round(i.High, 6));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string CdbCsv(List<BattleTableFit> fits)
    {
        var b = new StringBuilder("subset,side,quantity,estimate,ci95_low,ci95_high,n\n");
        void Line(BattleTableFit f, string side, string quantity, Interval i) =>
            b.Append(CultureInfo.InvariantCulture, $"{f.Subset},{side},{quantity},{R(i.Value)},{R(i.Low)},{R(i.High)},{f.N}\n");
        foreach (var f in fits)
        {
            foreach (var (side, s) in new[] { ("attacker", f.Attacker), ("defender", f.Defender) })
            {
                Line(f, side, "exponent_w", s.Exponent);
                Line(f, side, "daily_loss_at_1_to_1", s.RateAtEvenOdds);
                b.Append(CultureInfo.InvariantCulture, $"{f.Subset},{side},r_squared,{R(s.Line.RSquared)},,,{f.N}\n");
                Line(f, side, "mean_daily_loss", s.MeanDailyLoss);
                b.Append(CultureInfo.InvariantCulture, $"{f.Subset},{side},median_daily_loss,{R(s.MedianDailyLoss)},,,{f.N}\n");
            }

            foreach (var r in f.Odds.Where(r => r.Odds != 1))
            {
                Line(f, "attacker", $"daily_loss_at_{F(r.Odds, "0.#")}_to_1", r.Attacker);
                Line(f, "defender", $"daily_loss_at_{F(r.Odds, "0.#")}_to_1", r.Defender);
            }
        }

        return b.ToString();
    }

    private static string R(double v) => Math.Round(v, 6).ToString("R", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static double Significant(double v) => v == 0 ? 0 : double.Parse(v.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
