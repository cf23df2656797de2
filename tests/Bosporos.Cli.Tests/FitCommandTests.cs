using System.Globalization;
using System.Text.Json.Nodes;

namespace Bosporos.Cli.Tests;

public class FitCommandTests
{
    [Fact]
    public void Iwo_jima_prints_Engels_coefficients_beside_the_published_ones()
    {
        var r = Cli.Invoke("fit", "iwo-jima");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("│ a: US losses per Japanese soldier │ 0.0551 │     0.0544 │      +1.3% │", r.Out, StringComparison.Ordinal);
        Assert.Contains("│ b: Japanese losses per US soldier │ 0.0110 │     0.0106 │      +3.7% │", r.Out, StringComparison.Ordinal);
        Assert.Contains("best fit (least AIC): general (p 1.27, q 0.00); of the classical laws the square law fits best", r.Out, StringComparison.Ordinal);
        Assert.Empty(r.Error);
    }

    [Fact]
    public void Iwo_jima_json_gives_a_and_b_within_5_percent_of_Engel()
    {
        var r = Cli.Invoke("fit", "iwo-jima", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        var json = JsonNode.Parse(r.Out)!;
        Assert.InRange(json["engel"]!["relativeDifferenceA"]!.GetValue<double>(), -0.05, 0.05);
        Assert.InRange(json["engel"]!["relativeDifferenceB"]!.GetValue<double>(), -0.05, 0.05);
        Assert.Equal(35, json["days"]!.GetValue<int>());
        Assert.Equal(["square", "linear", "logarithmic", "helmbold", "general"], json["laws"]!.AsArray().Select(l => l!["law"]!.GetValue<string>()));
        Assert.Equal("general", json["best"]!.GetValue<string>());
    }

    [Fact]
    public void Iwo_jima_csv_has_one_row_per_fit()
    {
        var r = Cli.Invoke("fit", "iwo-jima", "--format", "csv");
        Assert.Equal(ExitCodes.Success, r.Code);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("method,law,p,q,a,b,r_squared,rmse_men,aic", lines[0]);
        Assert.StartsWith("engel-sums,square,1,0,0.0551292,0.010993,", lines[1], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public void A_different_garrison_changes_b_in_proportion()
    {
        var r = Cli.Invoke("fit", "iwo-jima", "--japanese", "43000", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal(0.021986, JsonNode.Parse(r.Out)!["engel"]!["b"]!.GetValue<double>(), 6);
    }

    [Fact]
    public void Cdb90_before_1900_fits_both_sets_of_battles()
    {
        var r = Cli.Invoke("fit", "cdb90", "--before", "1900", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        var json = JsonNode.Parse(r.Out)!;
        Assert.Equal(36, json["rows"]!["duplicates"]!.GetValue<int>());
        var fits = json["fits"]!.AsArray();
        Assert.Equal(["all", "before 1900"], fits.Select(f => f!["subset"]!.GetValue<string>()));
        Assert.Equal([484, 234], fits.Select(f => f!["n"]!.GetValue<int>()));
        var w = fits[1]!["attacker"]!["exponentW"]!;
        Assert.Equal(0.403, w["value"]!.GetValue<double>(), 3);
        Assert.True(w["ci95"]![0]!.GetValue<double>() < 0.403 && w["ci95"]![1]!.GetValue<double>() > 0.403);
    }

    [Fact]
    public void Cdb90_text_gives_the_field_battle_rates_at_1_to_1_and_2_to_1()
    {
        var r = Cli.Invoke("fit", "cdb90", "--before", "1900");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("│ before 1900 │                      1:1 │ 11.0% [9.5%, 12.6%] │ 13.7% [11.9%, 15.9%] │", r.Out, StringComparison.Ordinal);
        Assert.Contains("│ before 1900 │                      2:1 │", r.Out, StringComparison.Ordinal);
        Assert.Contains("36 duplicates dropped", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdb90_csv_is_repeatable_with_the_same_seed_and_differs_with_another()
    {
        var one = Cli.Invoke("fit", "cdb90", "--format", "csv", "--replicates", "200");
        var again = Cli.Invoke("fit", "cdb90", "--format", "csv", "--replicates", "200");
        var other = Cli.Invoke("fit", "cdb90", "--format", "csv", "--replicates", "200", "--seed", "2");
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.StartsWith("subset,side,quantity,estimate,ci95_low,ci95_high,n\nall,attacker,exponent_w,", one.Out, StringComparison.Ordinal);
        Assert.Contains("all,defender,daily_loss_at_2_to_1,", one.Out, StringComparison.Ordinal);
        Assert.Equal(one.Out, again.Out);
        Assert.NotEqual(one.Out, other.Out);
    }

    [Fact]
    public void Acw_fits_Livermores_battles_with_killed_and_wounded()
    {
        var r = Cli.Invoke("fit", "acw");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("battles: 63 rows, 13 missing a strength or the killed and wounded, 0 with no losses on a side; 50 used", r.Out, StringComparison.Ordinal);
        Assert.Contains("losses counted: killed and wounded", r.Out, StringComparison.Ordinal);
        Assert.Contains("│ attacker: exponent W             │  0.52 [-0.06, 1.10] │", r.Out, StringComparison.Ordinal);
        var json = JsonNode.Parse(Cli.Invoke("fit", "acw", "--format", "json").Out)!;
        Assert.Equal(13, json["rows"]!["missingFigures"]!.GetValue<int>());
        Assert.Equal(50, json["fits"]![0]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void Acw_reports_a_malformed_forces_row_where_it_is()
    {
        var dir = Cli.TempDir();
        File.WriteAllText(Path.Combine(dir, "livermore_battles.csv"), "battle_id,battle_name,start_date,end_date,attacker,result\n1,A,1862-01-01,1862-01-01,Union,Union\n");
        File.WriteAllText(Path.Combine(dir, "livermore_forces.csv"), "battle_id,belligerent,str,kw\n1,Union,1000,100\n1,Confederate,500\n");
        var r = Cli.Invoke("fit", "acw", "--data", dir);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.StartsWith($"error: {Path.Combine(dir, "livermore_forces.csv")}:3:18: 3 fields where the header has 4\n  hint: ", r.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Out_writes_the_file_and_prints_its_path()
    {
        var dir = Cli.TempDir();
        var path = Path.Combine(dir, "fits", "iwo.json");
        var r = Cli.Invoke("fit", "iwo-jima", "--format", "json", "--out", path);
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal(path, r.Out.Trim());
        Assert.Equal(35, JsonNode.Parse(File.ReadAllText(path))!["days"]!.GetValue<int>());
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Out_naming_a_directory_is_a_usage_error()
    {
        var dir = Cli.TempDir();
        var r = Cli.Invoke("fit", "cdb90", "--out", dir);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains($"error: --out: '{dir}' is a directory", r.Error, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_missing_data_file_exits_1_with_its_name_and_a_hint()
    {
        var r = Cli.Invoke("fit", "iwo-jima", "--data", "no/such/series.csv");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.StartsWith("error: no/such/series.csv: no such file", r.Error, StringComparison.Ordinal);
        Assert.Contains("  hint: ", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void A_malformed_row_exits_1_with_file_line_column_and_a_hint()
    {
        var dir = Cli.TempDir();
        var file = Path.Combine(dir, "series.csv");
        File.WriteAllText(file, "day,us_landed_cumulative,us_casualties_cumulative,us_active_strength\n1,100,10,90\n2,100,2O,80\n3,100,30,70\n");
        var r = Cli.Invoke("fit", "iwo-jima", "--data", file);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Equal($"error: {file}:3:7: 'us_casualties_cumulative' is '2O', not a whole number\n  hint: Write a count of men as a whole number such as 1200.\n", r.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_cdb90_folder_without_one_of_its_files_exits_1()
    {
        var dir = Cli.TempDir();
        var r = Cli.Invoke("fit", "cdb90", "--data", dir);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("CDB90-patched.csv: no such file", r.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidData, Cli.Invoke("fit", "cdb90", "--data", Path.Combine(dir, "none")).Code);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void The_shipped_data_are_found_beside_the_program_else_in_the_repository_above()
    {
        var root = Cli.TempDir();
        var program = Path.Combine(root, "bin");
        var work = Path.Combine(root, "repo", "some", "folder");
        Directory.CreateDirectory(program);
        Directory.CreateDirectory(work);
        Assert.Null(Commands.FitCommand.DataFolder(program, work));
        File.WriteAllText(Path.Combine(root, "repo", "Bosporos.slnx"), "<Solution />");
        Assert.Null(Commands.FitCommand.DataFolder(program, work)); // a repository without data/battles
        Directory.CreateDirectory(Path.Combine(root, "repo", "data", "battles"));
        Assert.Equal(Path.Combine(root, "repo", "data", "battles"), Commands.FitCommand.DataFolder(program, work));
        Directory.CreateDirectory(Path.Combine(program, "data", "battles"));
        Assert.Equal(Path.Combine(program, "data", "battles"), Commands.FitCommand.DataFolder(program, work));
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("fit waterloo")]
    [InlineData("fit iwo-jima --format xml")]
    [InlineData("fit iwo-jima --japanese 0")]
    [InlineData("fit cdb90 --before nineteen-hundred")]
    [InlineData("fit iwo-jima --japanese many")]
    [InlineData("fit cdb90 --replicates lots")]
    [InlineData("fit cdb90 --replicates 5")]
    [InlineData("fit cdb90 --before 1500")]
    [InlineData("fit acw --before 1900")]
    [InlineData("fit acw --replicates 0")]
    public void Bad_usage_exits_2(string commandLine)
    {
        var r = Cli.Invoke(commandLine.Split(' '));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void Before_a_year_with_no_battles_names_the_earliest()
    {
        var r = Cli.Invoke("fit", "cdb90", "--before", "1500");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"The earliest battle in the data began in 1600"), r.Error, StringComparison.Ordinal);
    }
}
