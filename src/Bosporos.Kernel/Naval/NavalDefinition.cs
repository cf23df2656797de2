using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Naval;

/// <summary>Control of the water and what happens to boats that meet warships.</summary>
public sealed record NavalDefinition
{
    [Description("Warships on station that give a water zone's patrol its reference odds.")]
    public required int ReferenceGalleys { get; init; }

    [Description("Odds, per water zone crossed, that a reference patrol catches a boat group by day.")]
    public required Ratio InterceptByDay { get; init; }

    [Description("The same odds at night.")]
    public required Ratio InterceptByNight { get; init; }

    [Description("Share of the boats of an intercepted group sunk or taken (galley against canoe).")]
    public required Ratio BoatsLostWhenCaught { get; init; }

    [Description("Share of the men of a lost boat who drown or are killed (the rest are taken).")]
    public required Ratio CrewKilledWhenSunk { get; init; }

    [Description("Multiplier on the warships' strength when they lie in wait for boats, having learned the signal.")]
    [Range(0d, 100d)]
    public required Ratio TrapAdvantage { get; init; }

    [Description("Odds that a warship is holed or fouled for the rest of the siege when it catches a boat group.")]
    public required Ratio WarshipDamagedPerCatch { get; init; }

    [Description("Warships a side needs on a water zone to hold it.")]
    public required int ControlMinGalleys { get; init; }

    [Description("Passengers one boat can carry on one trip.")]
    public required int PassengersPerBoat { get; init; }

    [Description("Boats that row together and are caught or slip through together.")]
    public required int BoatsPerGroup { get; init; }

    [Description("Share of a boat group's crews killed when a canoe attack reaches the shore and is beaten there.")]
    public required Ratio LandingRepulsedLoss { get; init; }
}
