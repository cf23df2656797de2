using Bosporos.Kernel;
using Bosporos.Scenarios.Narrative;

namespace Bosporos.Scenarios.Tests;

public class JulianDatesTests
{
    private static readonly JulianDates Siege = new(new CalendarDefinition { StartYear = 626, StartMonth = 6, StartDay = 29, HorizonDays = 120 });

    [Theory]
    [InlineData("626-08-07T06:00", 942)]
    [InlineData("0626-08-07T06:00", 942)]
    [InlineData("626-8-7 06:00", 942)]
    [InlineData("626-08-07T6", 942)]
    [InlineData("626-06-29", 0)]
    [InlineData("626-06-28T23:00", -1)]
    [InlineData("626-10-27T00:00", 2880)]
    public void A_moment_is_read_as_an_hour_of_the_run(string text, int hour)
    {
        Assert.True(Siege.TryParseMoment(text, out var h, out var problem), problem);
        Assert.Equal(hour, h);
    }

    [Theory]
    [InlineData(0, "0626-06-29T00:00", "29 June 626, 00:00")]
    [InlineData(942, "0626-08-07T06:00", "7 August 626, 06:00")]
    [InlineData(965, "0626-08-08T05:00", "8 August 626, 05:00")]
    [InlineData(-1, "0626-06-28T23:00", "28 June 626, 23:00")]
    public void An_hour_is_written_as_the_chronicle_dates_it_and_read_back(int hour, string moment, string text)
    {
        Assert.Equal(moment, Siege.Moment(hour));
        Assert.Equal(text, Siege.Format(hour));
        Assert.True(Siege.TryParseMoment(moment, out var back, out _));
        Assert.Equal(hour, back);
    }

    [Theory]
    [InlineData("626-02-29T00:00", "has 28 days")] // 626 is not a leap year
    [InlineData("626-13-01", "no month 13")]
    [InlineData("0-01-01", "year must be 1 or later")]
    [InlineData("626-08-07T25:00", "no hour 25")]
    [InlineData("626-08-07T06:15", "minutes must be 00")]
    [InlineData("626-08-07T06:0", "HH:00")]
    [InlineData("7 August 626", "not a date")]
    [InlineData("", "not a date")]
    [InlineData("626/08/07", "not a date")]
    public void A_malformed_moment_says_what_is_wrong(string text, string expected)
    {
        Assert.False(JulianDates.TryParseDate(text, out _, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Leap_days_follow_the_Julian_calendar()
    {
        // 628 is a leap year, and so is 700 (which the Gregorian calendar would skip).
        Assert.True(JulianDates.TryParseDate("628-02-29", out _, out _, out _));
        Assert.True(JulianDates.TryParseDate("700-02-29", out _, out _, out _));
    }
}
