using System.ComponentModel;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Diplomacy;

/// <summary>Envoys, the agreed signal and the Persians' readiness to cross.</summary>
public sealed record DiplomacyDefinition
{
    [Description("Boats that carry the khagan's envoys to the Persians.")]
    public required int EnvoyBoats { get; init; }

    [Description("Water zones the envoys cross, in order.")]
    public required string[] EnvoyRoute { get; init; } = [];

    [Description("Odds that caught envoys give away the agreed fire signal.")]
    public required Ratio LearnSignalWhenCaught { get; init; }

    [Description("Odds that the defenders learn the signal by other means (deserters, spies) before it is used.")]
    public required Ratio LearnSignalOtherwise { get; init; }

    [Description("Zone where the fire signal is to be lit.")]
    public required string SignalZone { get; init; }

    [Description("The Persian contingent waiting to cross.")]
    public required string PersianContingent { get; init; }

    [Description("Share of the Persians willing to board while the envoys' word has reached them.")]
    public required Ratio PersianWillingness { get; init; }

    [Description("Share willing when the envoys were caught and their heads sent back instead.")]
    public required Ratio PersianWillingnessIfEnvoysCaught { get; init; }

    [Description("Zone where ferried Persians land and join the host.")]
    public required string LandingZone { get; init; }
}
