using Bosporos.Kernel.Events;
using static Bosporos.Kernel.Tests.Causal.Shipped;

namespace Bosporos.Kernel.Tests.Causal;

/// <summary>
/// One mechanism at a time, switched off or turned up on the shipped scenario: each must move what it drives, by an
/// amount sized to the measured effect, paired over the same seeds with a 95% interval that excludes zero.
/// </summary>
public class MechanismEffectTests
{
    private static SiegeSummary[] Baseline => Run();

    private static readonly (string, string)[] HalfGarrison = Garrison(0.5m);

    private static void Raises(SiegeSummary[] a, SiegeSummary[] b, Func<SiegeSummary, double> measure, double atLeast, string what)
    {
        var (mean, se) = Paired(a, b, measure);
        Assert.True(mean >= atLeast && mean - (1.96 * se) > 0, $"{what}: paired difference {mean:F3} ± {1.96 * se:F3}, needed at least {atLeast}");
    }

    private static double Fell(SiegeSummary r) => r.Outcome == Outcome.Fallen ? 1 : 0;

    [Fact]
    public void Sorties_burn_engines() =>
        Raises(Run(("command.defenders.sortie-men", "0")), Baseline, r => r.EnginesLost, 2, "engines lost, sorties against none");

    [Fact]
    public void Counter_battery_wrecks_engines() =>
        Raises(Run(("command.defenders.counter-battery", "0")), Baseline, r => r.EnginesLost, 5, "engines lost, counter-battery against none");

    [Fact]
    public void Defenders_burn_towers() =>
        Raises(Run(("command.defenders.burn-tower", "0")), Baseline, r => r.TowersBurned, 2, "towers burned");

    [Fact]
    public void Desertion_thins_the_host() =>
        Raises(Run(("morale.desertion-per-day-at-zero", "0")), Baseline, r => r.HostDeserted, 1000, "host deserters");

    [Fact]
    public void The_khagans_executions_drive_desertion() =>
        Raises(Run(("command.survivors-executed-share", "0")), Baseline, r => r.HostDeserted, 100, "host deserters, executions");

    [Fact]
    public void The_walls_height_makes_assaults_costly() =>
        Raises(Run(("combat.wall-fire-bonus", "0")), Baseline, r => r.AssaultDefenderLosses == 0 ? 0 : r.AssaultAttackerLosses / (double)r.AssaultDefenderLosses, 0.5, "loss ratio, wall fire");

    [Fact]
    public void The_moat_shields_the_defenders()
    {
        (string, string)[] noMoat = [("wall-sectors.0.moat", "false"), ("wall-sectors.1.moat", "false"), ("wall-sectors.2.moat", "false")];
        Raises(Baseline, Run(noMoat), r => r.AssaultDefenderLosses, 50, "defenders lost in assaults, no moat");
    }

    [Fact]
    public void Night_repairs_keep_the_wall_up() =>
        Raises(Run(("command.defenders.night-repair-per-hour", "0.0038")), Baseline, r => r.MinWallIntegrityPermille, 20, "weakest wall, repair at a quarter");

    [Fact]
    public void Towers_help_the_attackers_strike_the_defenders() =>
        Raises(Run(("combat.tower-bonus", "0")), Baseline, r => r.AssaultDefenderLosses, 20, "defenders lost in assaults, towers");

    [Fact]
    public void Gales_keep_the_boats_ashore_and_the_khagan_waits() =>
        Raises(Run(("weather.gale-share", "0")), Run(("weather.gale-share", "0.45"), ("weather.calm-share", "0.4")), r => r.End.Day, 1, "end day, stormy summer");

    [Fact]
    public void A_city_whose_hearts_fail_comes_to_terms()
    {
        var failing = Run(("morale.negotiate-below", "0.69"));
        Assert.True(Share(failing, r => r.Outcome == Outcome.Negotiated) >= 0.5, $"negotiated {Share(failing, r => r.Outcome == Outcome.Negotiated):P1}");
        Assert.Equal(0, Baseline.Count(r => r.Outcome == Outcome.Negotiated));
    }

    [Fact]
    public void A_city_cut_off_from_food_and_water_goes_hungry()
    {
        var sim = One(5, ("supply.city-food-days", "3"), ("supply.sea-resupply-days-per-day", "0"), ("supply.cistern-days", "5"));
        Assert.Contains(sim.Events.All.ToArray(), e => e.Kind == EventKind.CityHungry);
        Assert.DoesNotContain(One(5).Events.All.ToArray(), e => e.Kind == EventKind.CityHungry);
    }

    [Fact]
    public void Processions_lift_hearts_more_than_they_cost_men_on_the_walls()
    {
        // A procession every dawn takes half the men off the walls for three hours, yet the morale it gives makes the
        // front fight better all day: with the garrison halved, the city falls less often (measured: 7 points).
        var often = Run([.. HalfGarrison, ("command.defenders.procession-below", "1"), ("command.defenders.procession-min-gap-days", "1"), ("command.defenders.procession-share", "0.5")]);
        var never = Run([.. HalfGarrison, ("command.defenders.procession-below", "0")]);
        Raises(often, never, Fell, 0.03, "falls, no processions against one every day");
    }

    [Fact]
    public void The_subjects_desert_after_the_massacre_and_refuse_to_attack_when_the_khagan_stays()
    {
        var sim = One(7);
        var events = sim.Events.All.ToArray();
        var massacre = events.First(e => e.Kind == EventKind.SurvivorsExecuted).Time;
        var subjects = Enumerable.Range(0, sim.Definition.Contingents.Length).Where(i => sim.Definition.Contingents[i].Subject).ToHashSet();
        Assert.Contains(events, e => e.Kind == EventKind.ContingentDeserted && e.Time >= massacre && subjects.Contains(e.Actor));

        // Fed for long enough to stay, the khagan orders more assaults: the subjects refuse to go forward.
        var fed = One(7, Supplies(3m));
        var fedEvents = fed.Events.All.ToArray();
        var fedMassacre = fedEvents.First(e => e.Kind == EventKind.SurvivorsExecuted).Time;
        Assert.Contains(fedEvents, e => e.Kind == EventKind.ContingentRefused && e.Time > fedMassacre && subjects.Contains(e.Actor));
    }
}
