using Bosporos.Kernel.Events;
using static Bosporos.Kernel.Tests.Causal.Shipped;

namespace Bosporos.Kernel.Tests.Causal;

/// <summary>
/// The calibration table of the siege model (docs/calibration.md), measured on the shipped scenario over 400 seeds.
/// These hold only if the mechanisms together give the historical course from the historical inputs.
/// </summary>
public class CalibrationTests
{
    private static SiegeSummary[] Baseline => Run();

    [Fact]
    public void The_khagan_withdraws_in_at_least_85_percent_of_runs() =>
        Assert.True(Share(Baseline, r => r.Outcome == Outcome.Lifted) >= 0.85, $"lifted {Share(Baseline, r => r.Outcome == Outcome.Lifted):P1}");

    [Fact]
    public void The_close_siege_lasts_7_to_14_days_at_the_median() =>
        Assert.InRange(Quantile(Baseline.Select(r => (double)r.CloseSiegeDays), 0.5), 7, 14);

    [Fact]
    public void The_Persians_are_ferried_across_in_at_most_5_percent_of_runs() =>
        Assert.True(Share(Baseline, r => r.PersiansFerried > 0) <= 0.05, $"ferried {Share(Baseline, r => r.PersiansFerried > 0):P1}");

    [Fact]
    public void Assaults_on_intact_walls_cost_the_attacker_at_least_three_men_for_each_defender()
    {
        var ratio = Quantile(Baseline.Where(r => r.AssaultDefenderLosses > 0).Select(r => r.AssaultAttackerLosses / (double)r.AssaultDefenderLosses), 0.5);
        Assert.InRange(ratio, 3, 8);
    }

    [Fact]
    public void A_canoe_attack_while_the_Romans_hold_the_Horn_loses_most_of_its_boats()
    {
        var launched = Baseline.Where(r => r.CanoesLaunched > 0).ToArray();
        Assert.True(launched.Length > Runs * 9 / 10);
        Assert.True(Share(launched, r => r.CanoesLost * 2 > r.CanoesLaunched) >= 0.95);
    }

    [Fact]
    public void The_withdrawal_date_spreads_over_at_least_three_days_with_8_August_inside()
    {
        // Day 40 from 29 June is 8 August (Julian).
        var days = Baseline.Where(r => r.Outcome == Outcome.Lifted).Select(r => (double)r.End.Day).ToArray();
        var p10 = Quantile(days, 0.1);
        var p90 = Quantile(days, 0.9);
        Assert.True(p90 - p10 >= 3, $"p10 {p10}, p90 {p90}");
        Assert.InRange(40, p10, p90);
    }

    [Fact]
    public void At_least_two_end_causes_occur()
    {
        var causes = Baseline.GroupBy(r => r.Cause).Where(g => g.Count() >= Runs / 100).Select(g => g.Key).ToArray();
        Assert.True(causes.Length >= 2, string.Join(", ", causes));
    }

    [Fact]
    public void The_canoe_massacre_or_the_hosts_breakup_weighs_in_at_least_half_the_withdrawals()
    {
        var lifted = Baseline.Where(r => r.Outcome == Outcome.Lifted).ToArray();
        Assert.True(Share(lifted, r => (r.Factors & (WithdrawalFactors.CanoesMassacred | WithdrawalFactors.HostBrokeUp)) != 0) >= 0.5);
    }

    [Fact]
    public void A_starving_host_shows_real_shortfall_before_it_goes()
    {
        // With the forage and rations halved, hunger ends many sieges; every one of those runs went short.
        var hungry = Run(Supplies(0.5m));
        var starved = hungry.Where(r => r.Cause == EndCause.HostStarving).ToArray();
        Assert.True(starved.Length >= Runs / 10, $"{starved.Length} starved");
        Assert.All(starved, r => Assert.True(r.ShortfallManDays > 0));
        Assert.All(Baseline.Where(r => r.Cause == EndCause.HostStarving), r => Assert.True(r.ShortfallManDays > 0));
    }

    [Fact]
    public void Every_run_ends_by_a_cause_and_the_lifted_ones_say_what_weighed()
    {
        Assert.All(Baseline, r => Assert.NotEqual(EndCause.None, r.Cause));
        Assert.All(Baseline.Where(r => r.Outcome == Outcome.Lifted), r => Assert.NotEqual(WithdrawalFactors.None, r.Factors));
    }

    [Fact]
    public void The_khagan_judges_at_dawn_and_the_chronicle_gives_his_reasons()
    {
        var sim = One(7);
        var events = sim.Events.All.ToArray();
        var withdrew = Assert.Single(events, e => e.Kind == EventKind.KhaganWithdrew);
        Assert.Equal(5, withdrew.Time.HourOfDay);
        Assert.NotEqual(0, withdrew.Value3);
        Assert.Contains(events, e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack);
        Assert.Contains(events, e => e.Kind == EventKind.DefendersDecided);
        var thanks = Assert.Single(events, e => e.Kind == EventKind.Thanksgiving);
        Assert.Equal(events[^1], thanks);
        // Nothing is shot or stormed after the withdrawal.
        Assert.DoesNotContain(events, e => e.Time > withdrew.Time && e.Kind is EventKind.WallBattered or EventKind.Engagement or EventKind.EngineWrecked);
    }
}
