using Bosporos.Analysis.Experiments;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Time;

namespace Bosporos.Analysis.Tests.Experiments;

public class FirstDivergenceTests
{
    private static SiegeEvent E(int hour, EventKind kind, int value = 0) => new(new SimTime(hour), kind, -1, -1, -1, value, 0, 0, -1, -1);

    [Fact]
    public void A_history_that_ends_early_parts_where_the_other_goes_on()
    {
        var a = new FixedRun([E(1, EventKind.AqueductCut), E(30, EventKind.KhaganWithdrew)]);
        var b = new FixedRun([E(1, EventKind.AqueductCut), E(30, EventKind.KhaganWithdrew), E(40, EventKind.SiegeLifted)]);
        var d = FirstDivergence.Compare("v", 4, 99, "lifted", "lifted", a, b);
        Assert.Equal(40, d.Hour);
        Assert.Null(d.BaselineEvent);
        Assert.Equal("siege lifted", d.VariantEvent);
        Assert.Contains("in the baseline, nothing more happens; with v, siege lifted", d.Sentence, StringComparison.Ordinal);
        Assert.Contains("after 2 shared events", d.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parting_time_is_the_earlier_of_the_two_events()
    {
        var a = new FixedRun([E(5, EventKind.AqueductCut), E(50, EventKind.CityFell)]);
        var b = new FixedRun([E(5, EventKind.AqueductCut), E(20, EventKind.KhaganWithdrew)]);
        var d = FirstDivergence.Compare("v", 0, 1, "fallen", "lifted", a, b);
        Assert.Equal(20, d.Hour);
        Assert.Contains("day 0, 20:00", d.Sentence, StringComparison.Ordinal);
        Assert.Contains("the baseline ends fallen, v ends lifted", d.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_sentences_name_fields_and_dice()
    {
        Assert.Equal("boats sunk", EventSentence.Humanize("BoatsSunk"));
        Assert.Equal("men killed", EventSentence.Humanize("menKilled"));
        Assert.Equal("day 2, 07:00", EventSentence.When(55));
    }

    private sealed class FixedRun(IReadOnlyList<SiegeEvent> events) : IModelRun
    {
        public SiegeSummary Run(ulong seed) => default;

        public IReadOnlyList<SiegeEvent> Events() => events;

        public string Describe(SiegeEvent e) => EventSentence.Humanize(e.Kind.ToString());
    }
}
