using System.Text.Json;

namespace Bosporos.Cli.Tests;

/// <summary>'run', 'mc' and 'validate' on the shipped war scenario, routed by its kind.</summary>
public sealed class WarCommandTests
{
    [Fact]
    public void Run_tells_the_war_by_month_with_the_siege_inside_by_day()
    {
        var r = Experiments.Run("run", "war-622-628", "--seed", "1");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("May 626", r.Out, StringComparison.Ordinal);
        Assert.Contains("Heraclius splits his army", r.Out, StringComparison.Ordinal);
        Assert.Contains("The siege, day by day:", r.Out, StringComparison.Ordinal);
        Assert.Contains("Sunday 29 June 626", r.Out, StringComparison.Ordinal); // the siege chronicle's own day headings
        Assert.Contains("Khosrow falls", r.Out, StringComparison.Ordinal);
        Assert.Contains("State hash", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_tells_the_campaigns_of_622_to_625_from_the_emperors_departure()
    {
        var r = Experiments.Run("run", "war-622-628", "--seed", "1");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Matches(@"(?m)^(June|July|August|September|October) 622\r?$", r.Out);
        Assert.Contains("has finished its drill", r.Out, StringComparison.Ordinal);
        Assert.Contains("and forces battle", r.Out, StringComparison.Ordinal);
        Assert.Contains("The khagan of the Avars threatens the capital", r.Out, StringComparison.Ordinal);
        Assert.Contains("Khosrow flees his court in Atropatene (Ganzak)", r.Out, StringComparison.Ordinal);
        Assert.Contains("takes up its quarters for the winter", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"Levies join [^\n]*\(\d{1,2},\d{3} men\)", r.Out); // levies of a thousand and more are told
        Assert.DoesNotMatch(@"Levies join [^\n]*\(\d{1,3} men\)", r.Out); // the day-by-day trickle is not
        Assert.Contains("622-625 ", r.Out, StringComparison.Ordinal);

        var json = Experiments.Run("run", "war-622-628", "--seed", "1", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("0622-04-05", doc.RootElement.GetProperty("startDate").GetString());
        Assert.StartsWith("0622-", doc.RootElement.GetProperty("shahrbarazBeaten").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mc_on_the_war_dates_its_checks_from_the_scenarios_start()
    {
        var r = Experiments.Run("mc", "war-622-628", "--runs", "8");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("Heraclius beats Shahrbaraz in 622", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"Heraclius beats Shahrbaraz \(history: autumn 622\)\s+median 0622-", r.Out);
        Assert.Matches(@"end of the siege of the capital\s+median 0626-0[78]-", r.Out);
    }

    [Fact]
    public void Run_as_json_gives_the_outcome_the_capital_the_treaty_and_the_kings_fall()
    {
        var a = Experiments.Run("run", "war-622-628", "--seed", "1", "--format", "json");
        Assert.Equal(ExitCodes.Success, a.Code);
        using var doc = JsonDocument.Parse(a.Out);
        var root = doc.RootElement;
        Assert.Equal("war-622-628", root.GetProperty("scenario").GetString());
        Assert.Contains(root.GetProperty("capital").GetProperty("fate").GetString(), new[] { "held", "fallen" });
        Assert.True(root.TryGetProperty("khosrowFall", out _));
        if (root.GetProperty("outcome").GetString() == "Peace")
        {
            var treaty = root.GetProperty("treaty");
            Assert.Contains(treaty.GetProperty("frontier").GetString(), new[] { "Line591", "Euphrates" });
            Assert.True(treaty.GetProperty("trueCross").GetBoolean());
        }

        var b = Experiments.Run("run", "war-622-628", "--seed", "1", "--format", "json");
        Assert.Equal(a.Out, b.Out);
        Assert.NotEqual(a.Out, Experiments.Run("run", "war-622-628", "--seed", "2", "--format", "json").Out);
    }

    [Fact]
    public void Mc_on_a_war_reports_its_checks_and_a_digest_that_does_not_depend_on_threads()
    {
        var one = Experiments.Run("mc", "war-622-628", "--runs", "16", "--threads", "1");
        var two = Experiments.Run("mc", "war-622-628", "--runs", "16", "--threads", "2");
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.Contains("Theodore beats Shahin", one.Out, StringComparison.Ordinal);
        Assert.Contains("the capital holds", one.Out, StringComparison.Ordinal);
        var digest = System.Text.RegularExpressions.Regex.Match(one.Out, "digest: ([0-9a-f]{16})");
        Assert.True(digest.Success, one.Out);
        Assert.Contains(digest.Value, two.Out, StringComparison.Ordinal);

        var json = Experiments.Run("mc", "war-622-628", "--runs", "8", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(8, doc.RootElement.GetProperty("runs").GetInt32());
        Assert.True(doc.RootElement.GetProperty("checks").GetArrayLength() >= 10);
    }

    [Fact]
    public void A_bad_set_path_on_a_war_exits_1_with_a_located_hint()
    {
        var r = Experiments.Run("run", "war-622-628", "--set", "heraclius.splitt=false");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("error BOS1301", r.Error, StringComparison.Ordinal);
        Assert.Contains("hint: Did you mean 'split'?", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reads_a_war_with_its_siege()
    {
        var r = Experiments.Run("validate", "war-622-628", "--warnings-as-errors");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal("war-622-628: 0 errors, 0 warnings", r.Out.TrimEnd());
    }

    [Fact]
    public void A_counterfactual_set_on_the_command_line_changes_the_war()
    {
        var r = Experiments.Run("run", "war-622-628", "--seed", "1", "--format", "json", "--set", "heraclius.split=false");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("capital").GetProperty("reinforcements").GetInt32());
    }
}
