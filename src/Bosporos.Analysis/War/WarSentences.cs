using System.Globalization;
using Bosporos.Kernel.War;

namespace Bosporos.Analysis.War;

/// <summary>
/// The sentences that tell a war's events, one per event that is worth a line (null for the rest): shared by the
/// command line's chronicle, the war replay and the event log, so each fact is worded once.
/// </summary>
public static class WarSentences
{
    /// <summary>The month names of the chronicle's headings.</summary>
    public static readonly IReadOnlyList<string> Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static string Army(WarSimulation sim, int i) => i >= 0 ? sim.Definition.Armies[i].Name : "an army";

    public static string Region(WarSimulation sim, int i) => i >= 0 && i < sim.Definition.Regions.Length ? sim.Definition.Regions[i].Name : "the field";

    private static string Odds(WarEvent e) => e.Odds >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (odds {e.Odds / 100.0:0.#} %, roll {e.Roll / 100.0:0.##})") : string.Empty;

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string? Sentence(WarSimulation sim, WarEvent e) => e.Kind switch
    {
        WarEventKind.ArmySplit when e.Value1 > 0 => $"Heraclius splits his army in {Region(sim, e.Region)}: {N(e.Value1)} men to the capital, {N(e.Value2)} to Theodore, {N(e.Value3)} stay with him.",
        WarEventKind.ArmySplit => $"Heraclius keeps his army together ({N(e.Value3)} men): the capital gets no reinforcements.",
        WarEventKind.BattleFought when (e.Value3 & 8) != 0 => $"Battle in {Region(sim, e.Region)}: {Army(sim, e.Army)} against {Army(sim, e.Other)}; neither side breaks by dusk (losses {N(e.Value1)} and {N(e.Value2)}).",
        WarEventKind.BattleFought => $"Battle in {Region(sim, e.Region)}: {Army(sim, e.Army)} against {Army(sim, e.Other)}; {((e.Value3 & 1) != 0 ? "the Persians break" : "the Romans break")}{((e.Value3 & 2) != 0 ? ", a decisive defeat" : string.Empty)} (Roman losses {N(e.Value1)}, Persian {N(e.Value2)}).",
        WarEventKind.Storm => $"A storm drives into the faces of {Army(sim, e.Army)}{Odds(e)}.",
        WarEventKind.ArmyDissolved => $"{Cap(Army(sim, e.Army))} breaks up.",
        WarEventKind.SiegeBegan => $"The siege of {Region(sim, e.Region)} begins: {N(e.Value1)} Roman troops and the fleet against {N(e.Value2)} of the khagan's host, {N(e.Value3)} Persians across the straits.",
        WarEventKind.SiegeEnded when e.Value1 == (int)Bosporos.Kernel.Outcome.Fallen => $"The capital falls (Roman losses {N(e.Value2)}).",
        WarEventKind.SiegeEnded => $"The siege ends and the capital holds: Roman losses {N(e.Value2)}, the host's {N(e.Value3)}.",
        WarEventKind.AllianceSought => e.Value1 != 0 ? $"The Turks agree to an alliance{Odds(e)}." : $"The Turks refuse the alliance{Odds(e)}.",
        WarEventKind.TurksArrived => $"The Western Turks, {N(e.Value1)} horse, come through the Caspian Gates.",
        WarEventKind.Ravaged => $"The Turks ravage {Region(sim, e.Region)}.",
        WarEventKind.TurksLeft => $"The Turks go home ({N(e.Value1)} horse).",
        WarEventKind.CitySiegeBegan => $"Heraclius and the Turks besiege {Region(sim, e.Region)}.",
        WarEventKind.CityFell => $"{Region(sim, e.Region)} falls{Odds(e)}.",
        WarEventKind.InvasionBegan => $"Heraclius invades Persia with {N(e.Value1)} men, making for {Region(sim, e.Value2)}.",
        WarEventKind.ArmyRaised => $"Raised in {Region(sim, e.Region)}: {Army(sim, e.Army)} ({N(e.Value1)} men).",
        WarEventKind.Recalled => $"Khosrow recalls {Army(sim, e.Army)} from {Region(sim, e.Region)}.",
        WarEventKind.Sacked => $"{Cap(Army(sim, e.Army))} sacks {Region(sim, e.Region)}.",
        WarEventKind.CourierSent => $"Khosrow sends a courier with the order to kill Shahrbaraz (after {e.Value2} defeats).",
        WarEventKind.CourierCaught => $"The courier is caught in {Region(sim, e.Region)}{Odds(e)}; shown the letter, Shahrbaraz {(e.Value1 != 0 ? "turns" : "does not turn, but will no longer answer the king's calls")} (odds {e.Value2 / 100.0:0.#} %).",
        WarEventKind.CourierDelivered => "The courier reaches Kardarigan with the order.",
        WarEventKind.GeneralTurned => "Shahrbaraz turns against Khosrow.",
        WarEventKind.GeneralKilled => "Shahrbaraz is killed on Khosrow's order; Kardarigan takes his army.",
        WarEventKind.KingDeposed => $"Kavad II deposes Khosrow II (legitimacy {e.Value1 / 100.0:0.#} %){Odds(e)}.",
        WarEventKind.EnvoyArrived => $"Kavad's envoy reaches Heraclius in {Region(sim, e.Region)}.",
        WarEventKind.PeaceMade => $"Peace: {e.Value1} of {e.Value2} occupied provinces returned; frontier: {FrontierName((Frontier)e.Value3)}; prisoners freed and the True Cross returned.",
        WarEventKind.EmpireCollapsed => "With the capital lost, the empire collapses.",
        WarEventKind.RomeSuedForPeace => $"Heraclius' army is broken ({N(e.Value1)} men left): Rome sues for peace on Persian terms.",
        WarEventKind.WarUndecided => "The war is still undecided at the horizon.",
        WarEventKind.WinterQuarters => $"{Cap(Army(sim, e.Army))} takes up its quarters for the winter in {Region(sim, e.Region)} ({N(e.Value1)} men).",
        WarEventKind.AvarThreat => $"The khagan of the Avars threatens the capital{Odds(e)}: the emperor goes home, his army waits in its quarters.",
        WarEventKind.AvarPeace => "A peace bought from the khagan frees the emperor to campaign again.",
        WarEventKind.KingFled => $"Khosrow flees his court in {Region(sim, e.Region)} before {Army(sim, e.Army)}.",
        WarEventKind.Surprise => $"Heraclius catches {Army(sim, e.Other)}, which would have drawn off, and forces battle{Odds(e)}.",
        WarEventKind.Trained => $"{Cap(Army(sim, e.Army))} has finished its drill in {Region(sim, e.Region)} (morale {e.Value1 / 100.0:0.#} %).",
        WarEventKind.ArmyDisbanded => $"{Cap(Army(sim, e.Army))} goes home ({N(e.Value1)} men).",
        WarEventKind.Levied when e.Value1 >= 1000 => $"Levies join {Army(sim, e.Army)} in {Region(sim, e.Region)} ({N(e.Value1)} men).",
        _ => null,
    };

    public static string FrontierName(Frontier f) => f switch
    {
        Frontier.Line591 => "the frontier of 591",
        Frontier.Euphrates => "the Euphrates line (Arabissus, 629)",
        Frontier.AsHeld => "as held",
        _ => "none",
    };
}
