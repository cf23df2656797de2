using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;

namespace Bosporos.Analysis.Play;

/// <summary>
/// One choice a side can make at a decision point: a stable id ("reinforce:blachernae", "sortie:rhegion:500",
/// "carry-on"), the group it belongs to (for menus), a sentence, and the orders it gives (none for "carry on", which
/// leaves the side to its doctrine). The orders are for the hour the option was built at and pass the kernel's check.
/// </summary>
public sealed record PlayOption(string Id, string Group, string Label, IReadOnlyList<Order> Orders)
{
    public const string CarryOnId = "carry-on";

    public bool IsCarryOn => Orders.Count == 0;

    /// <summary>The same option with every order marked as given by <paramref name="source"/>.</summary>
    public PlayOption From(OrderSource source) => this with { Orders = Orders.Select(o => o with { Source = source }).ToArray() };
}

/// <summary>
/// What the model expects of an option: over <see cref="Samples"/> sampled futures of <see cref="HorizonDays"/>
/// days (both sides by doctrine after the option's orders), the share in which the city is taken (fallen or
/// surrendered on terms) and in which the siege is lifted, each with a Wilson 95% interval, and the men each side
/// loses (killed, wounded, deserted, captured), mean and standard deviation. <see cref="Score"/> is the mean of the
/// side's objective; <see cref="Gain"/> its paired difference from carrying on, with the standard error of that
/// difference (the same sample keys for every option, so the difference comes from the option, not from luck).
/// </summary>
public sealed record OptionOdds(
    PlayOption Option,
    int Samples,
    int HorizonDays,
    double Taken,
    double TakenLow,
    double TakenHigh,
    double Lifted,
    double LiftedLow,
    double LiftedHigh,
    double OwnLossMean,
    double OwnLossSd,
    double EnemyLossMean,
    double EnemyLossSd,
    double Score,
    double Gain,
    double GainError)
{
    /// <summary>Half the width of the 95% interval of <see cref="Taken"/>.</summary>
    public double TakenHalfWidth => (TakenHigh - TakenLow) / 2;
}

/// <summary>Who commands a side in a session: the doctrine alone, the look-ahead AI at a level, or a player.</summary>
public enum Commander
{
    Doctrine,
    Ai,
    Player,
}

/// <summary>The sides that give orders in play.</summary>
public static class PlaySides
{
    public static readonly Side[] Both = [Side.Roman, Side.Avar];

    public static Side Enemy(Side side) => side == Side.Roman ? Side.Avar : Side.Roman;

    /// <summary>"roman" / "avar" (as on the command line and in save files).</summary>
    public static string Id(Side side) => side == Side.Roman ? "roman" : "avar";

    public static Side? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "roman" or "romans" or "defenders" or "defender" => Side.Roman,
        "avar" or "avars" or "khagan" => Side.Avar,
        _ => null,
    };

    /// <summary>Whether <paramref name="outcome"/> means the city was taken: stormed, or opened to terms.</summary>
    public static bool Taken(Outcome outcome) => outcome is Outcome.Fallen or Outcome.Negotiated;
}
