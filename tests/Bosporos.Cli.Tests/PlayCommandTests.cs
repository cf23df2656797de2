using Bosporos.Analysis.Tests.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Scenarios.Replays;
using Spectre.Console.Testing;

namespace Bosporos.Cli.Tests;

public class PlayCommandTests
{
    private static (int Code, string Screen, string Error) Play(string script, params string[] args) => Play(script, new TestConsole(), args);

    private static (int Code, string Screen, string Error) Play(string script, TestConsole console, params string[] args)
    {
        console.Profile.Width = 160;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr) { Scenarios = new TestScenarios(), In = new StringReader(script), PlayConsole = console };
        var code = CliApp.Run(["play", "test-siege", .. args], env);
        return (code, console.Output + stdout, stderr.ToString());
    }

    private static ReplayFile ReadSave(string path)
    {
        var read = ReplayJson.Read(File.ReadAllText(path), path);
        Assert.Empty(read.Diagnostics);
        return read.Replay!;
    }

    private static ReplayCheck Verify(ReplayFile save)
    {
        var sim = Simulation.Create(TestSieges.Small(), save.Seed);
        ReplayPlayer.Play(sim, save.Orders);
        return ReplayPlayer.Compare(save, sim.DailyHashes, sim.StateHash, sim.DailySubsystemHashes);
    }

    [Fact]
    public void A_scripted_player_gives_orders_and_saves_a_game_that_verifies()
    {
        var save = Path.Combine(Cli.TempDir(), "game.json");
        var (code, screen, error) = Play("1\n\n\norder procession - 0\n\nsave\nquit\n", "--side", "roman", "--seed", "5", "--ai", "1", "--save", save);

        Assert.True(code == 0, error);
        Assert.Contains("Your options, with the odds of 16 sampled futures of 1 day", screen);
        Assert.Contains("The walls", screen);
        Assert.Contains("Saved to " + save, screen);
        var replay = ReadSave(save);
        Assert.NotNull(replay.Play);
        Assert.Equal("roman", replay.Play!.Human);
        Assert.Equal(1, replay.Play.AiLevel);
        Assert.Contains(replay.Orders, o => o.Source == OrderSource.Player && o.Side == Kernel.Forces.Side.Roman);
        Assert.True(Verify(replay).Identical);
        var verified = Cli.Invoke("replay", save, "--verify");
        Assert.True(verified.Code == 0, verified.Out + verified.Error);
        Assert.StartsWith("verified:", verified.Out);
    }

    [Fact]
    public void Illegal_orders_are_refused_with_a_reason_and_change_nothing()
    {
        var dir = Cli.TempDir();
        var clean = Path.Combine(dir, "clean.json");
        var noisy = Path.Combine(dir, "noisy.json");
        const string Illegal =
            "order sortie lycus -5\n" +          // negative men
            "order assault lycus 0\n" +          // the khagan's order
            "order reinforce nowhere 0\n" +      // no such zone
            "order reinforce horn 0\n" +         // a zone, but no wall sector
            "order reinforce lycus 0 at 7\n" +   // not this hour
            "order charge lycus 0\n" +           // no such kind
            "42\n";                              // no such option
        var a = Play("1\n\n\nquit\n", "--side", "roman", "--seed", "9", "--ai", "1", "--save", clean);
        var b = Play("1\n" + Illegal + "\n\nquit\n", "--side", "roman", "--seed", "9", "--ai", "1", "--save", noisy);

        Assert.Equal(0, a.Code);
        Assert.Equal(0, b.Code);
        Assert.Contains("Refused: the value must be zero or more", b.Screen);
        Assert.Contains("Refused: that side cannot give this order. assault is an order of the khagan's host.", b.Screen);
        Assert.Contains("Refused: no zone 'nowhere' in this scenario.", b.Screen);
        Assert.Contains("Refused: no such target for this order.", b.Screen);
        Assert.Contains("Refused: the order is not for this hour.", b.Screen);
        Assert.Contains("Refused: no order kind 'charge'.", b.Screen);
        Assert.Contains("There is no option 42", b.Screen);
        var x = ReadSave(clean);
        var y = ReadSave(noisy);
        Assert.Equal(x.Orders, y.Orders);
        Assert.Equal(x.DailyHashes, y.DailyHashes);
        Assert.Equal(x.FinalHash, y.FinalHash);
    }

    [Fact]
    public void A_saved_game_resumes_where_it_stopped_and_plays_on_as_if_never_stopped()
    {
        var dir = Cli.TempDir();
        var whole = Path.Combine(dir, "whole.json");
        var first = Path.Combine(dir, "first.json");
        var second = Path.Combine(dir, "second.json");
        Assert.Equal(0, Play("1\n\n\n\n\nquit\n", "--side", "roman", "--seed", "4", "--ai", "1", "--save", whole).Code);
        Assert.Equal(0, Play("1\n\nquit\n", "--side", "roman", "--seed", "4", "--ai", "1", "--save", first).Code);
        var resumed = Play("\n\n\nquit\n", "--resume", first, "--save", second);

        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Contains("resumed", resumed.Screen);
        var w = ReadSave(whole);
        var s = ReadSave(second);
        Assert.Equal(w.Play, s.Play);
        Assert.Equal(w.Orders, s.Orders);
        Assert.Equal(w.FinalHash, s.FinalHash);
    }

    [Fact]
    public void A_corrupted_save_is_refused_with_the_first_bad_field()
    {
        var dir = Cli.TempDir();
        var save = Path.Combine(dir, "game.json");
        Assert.Equal(0, Play("1\nquit\n", "--side", "roman", "--seed", "2", "--ai", "0", "--save", save).Code);
        var text = File.ReadAllText(save);
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, text.Replace("\"kind\": \"reinforce\"", "\"kind\": \"conquer\"", StringComparison.Ordinal).Replace("\"hour\": 0,\n    \"human\"", "\"hour\": -3,\n    \"human\"", StringComparison.Ordinal));

        var resumed = Play(string.Empty, "--resume", bad);
        var verified = Cli.Invoke("replay", bad, "--verify");

        Assert.Equal(1, resumed.Code);
        Assert.Contains("error BOS9003", resumed.Error);
        Assert.Contains("orders.0", resumed.Error);
        Assert.Equal(1, verified.Code);
        Assert.Contains("orders.0", verified.Error);
        Assert.DoesNotContain("   at ", resumed.Error);
    }

    [Fact]
    public void The_play_record_of_a_save_must_be_whole()
    {
        var dir = Cli.TempDir();
        var save = Path.Combine(dir, "game.json");
        Assert.Equal(0, Play("quit\n", "--side", "avar", "--seed", "2", "--ai", "0", "--save", save).Code);
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(save).Replace("\"human\": \"avar\"", "\"human\": \"persian\"", StringComparison.Ordinal));

        var resumed = Play(string.Empty, "--resume", bad);

        Assert.Equal(1, resumed.Code);
        Assert.Contains("play.human", resumed.Error);
    }

    [Fact]
    public void A_save_with_an_unknown_ai_level_is_refused_not_a_crash()
    {
        var dir = Cli.TempDir();
        var save = Path.Combine(dir, "game.json");
        Assert.Equal(0, Play("quit\n", "--side", "roman", "--seed", "2", "--ai", "1", "--save", save).Code);
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(save).Replace("\"aiLevel\": 1", "\"aiLevel\": 9", StringComparison.Ordinal));

        var resumed = Play(string.Empty, "--resume", bad);

        Assert.Equal(1, resumed.Code);
        Assert.Contains("AI level 9 is not one of 0 to 4", resumed.Error);
    }

    [Fact]
    public void Play_without_a_side_is_a_usage_error()
    {
        var r = Play(string.Empty);

        Assert.Equal(2, r.Code);
        Assert.Contains("--side is required", r.Error);
    }

    [Fact]
    public void The_side_can_be_handed_to_the_ai_and_taken_back()
    {
        var save = Path.Combine(Cli.TempDir(), "game.json");
        var r = Play("ai\n\n\nai\nquit\n", "--side", "roman", "--seed", "3", "--ai", "1", "--save", save);

        Assert.Equal(0, r.Code);
        Assert.Contains("The AI (level 1) commands the defenders now", r.Screen);
        Assert.Contains("You command the defenders again.", r.Screen);
        Assert.True(Verify(ReadSave(save)).Identical);
    }

    [Fact]
    public void On_a_terminal_options_are_picked_with_the_arrow_keys_and_enter()
    {
        var save = Path.Combine(Cli.TempDir(), "game.json");
        var console = new TestConsole().Interactive();
        // First menu: down to option 1 and Enter; second: Enter carries on; third: End goes to Quit.
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.End);
        console.Input.PushKey(ConsoleKey.Enter);

        var r = Play(string.Empty, console, "--side", "roman", "--seed", "6", "--ai", "1", "--save", save);

        Assert.True(r.Code == 0, r.Error + r.Screen);
        var orders = ReadSave(save).Orders;
        Assert.Contains(orders, o => o.Source == OrderSource.Player);
    }
}

public class PlayStrengthCommandTests
{
    [Fact]
    public void Play_strength_reports_paired_differences_with_intervals_and_progress()
    {
        var r = Cli.Invoke("play-strength", "test-siege", "--side", "roman", "--games", "3", "--level", "1", "--threads", "1");

        Assert.True(r.Code == 0, r.Error);
        Assert.Contains("the AI at level 1 (16 futures x 1 d) as the defenders against the doctrine in the same seat, 3 paired games", r.Out);
        Assert.Contains("| City held", r.Out);
        Assert.Contains("| Roman losses (the seat's own)", r.Out);
        Assert.Contains("play-strength: 3/3 paired games (100%)", r.Error);
    }

    [Fact]
    public void Play_strength_refuses_level_zero_and_a_bad_side()
    {
        Assert.Equal(2, Cli.Invoke("play-strength", "test-siege", "--side", "roman", "--level", "0").Code);
        Assert.Equal(2, Cli.Invoke("play-strength", "test-siege", "--side", "persian").Code);
    }
}
