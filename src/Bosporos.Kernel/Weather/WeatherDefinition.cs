using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Weather;

/// <summary>The day's wind on the water, drawn each dawn from the weather stream.</summary>
public enum Wind : byte
{
    Calm = 0,
    Breeze = 1,
    Gale = 2,
}

/// <summary>
/// Summer weather on the straits as a two-parameter Markov chain: each dawn the wind stays as it was with the
/// persistence odds, or is drawn afresh from the long-run shares. Boats do not put out in a gale; in a breeze
/// they row worse and the warships catch them more easily.
/// </summary>
public sealed record WeatherDefinition
{
    [Description("Long-run share of calm days.")]
    public required Ratio CalmShare { get; init; }

    [Description("Long-run share of days with a wind no small boat can row in.")]
    public required Ratio GaleShare { get; init; }

    [Description("Odds that tomorrow's wind is today's.")]
    public required Ratio Persistence { get; init; }

    [Description("Multiplier on the warships' odds of catching boats in a breeze.")]
    [Range(0d, 100d)]
    public required Ratio BreezeIntercept { get; init; }
}
