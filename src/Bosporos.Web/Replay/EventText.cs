using Bosporos.Kernel;
using Bosporos.Kernel.Events;

namespace Bosporos.Web.Replay;

/// <summary>Plain sentences for events, with names resolved from the definition (display only, never in a run).</summary>
internal static class EventText
{
    /// <summary>Kinds shown as markers on the timeline.</summary>
    public static bool IsMajor(EventKind kind) => kind is
        EventKind.AqueductCut or EventKind.ShowOfForce or EventKind.AssaultBegan or EventKind.WallSeized or
        EventKind.CityFell or EventKind.CanoesLaunched or EventKind.EmbassyReceived or EventKind.EnvoysIntercepted or
        EventKind.SignalLit or EventKind.BoatsSunk or EventKind.PersiansFerried or EventKind.KhaganWithdrew or
        EventKind.CityNegotiated or EventKind.SiegeLifted or EventKind.SiegeUndecided or EventKind.EnginesBuilt or
        EventKind.TowerBurned;

    public static string Name(SiegeDefinition d, EventRef kind, int index) => kind switch
    {
        EventRef.Contingent when (uint)index < (uint)d.Contingents.Length => d.Contingents[index].Name,
        EventRef.Flotilla when (uint)index < (uint)d.Flotillas.Length => d.Flotillas[index].Name,
        EventRef.EnginePark when (uint)index < (uint)d.Engines.Length => d.Engines[index].Id,
        _ => "?",
    };

    public static string For(SiegeDefinition d, in SiegeEvent e)
    {
        var f = EventFields.For(e.Kind);
        var actor = Name(d, f.Actor, e.Actor);
        var other = Name(d, f.Other, e.Other);
        var zone = (uint)e.Zone < (uint)d.Zones.Length ? d.Zones[e.Zone].Name : "the field";
        var text = e.Kind switch
        {
            EventKind.ContingentArrived => $"{actor} arrive at {zone}: {e.Value1:N0} men.",
            EventKind.FlotillaArrived => $"{actor} come on station at {zone}: {e.Value1:N0} hulls.",
            EventKind.AqueductCut => "The besiegers cut the aqueduct.",
            EventKind.ShowOfForce => $"The khagan parades {e.Value1:N0} men before the walls.",
            EventKind.EnginesBuilt => $"Engines ready ({actor}): {e.Value1:N0}.",
            EventKind.AssaultBegan => $"Assault on {zone}: {e.Value1:N0} attackers against {e.Value2:N0} defenders, {e.Value3} towers.",
            EventKind.Engagement => $"Fighting at {zone}: attackers lose {e.Value1:N0}, defenders {e.Value2:N0}.",
            EventKind.AssaultRepulsed => $"The assault on {zone} is thrown back (attackers lost {e.Value1:N0}, defenders {e.Value2:N0}).",
            EventKind.WallBattered => $"Stones batter {zone}: outer wall {Permille(e.Value1)}, inner {Permille(e.Value2)}.",
            EventKind.WallRepaired => $"Night repairs at {zone}: outer wall {Permille(e.Value1)}, inner {Permille(e.Value2)}.",
            EventKind.EngineWrecked => $"Roman counter-battery wrecks an engine of {actor}; {e.Value1} left.",
            EventKind.TowerBurned => $"A siege tower of {actor} is set on fire; {e.Value1} left.",
            EventKind.WallSeized => $"The attackers gain the wall at {zone} ({e.Value1:N0} against {e.Value2:N0}).",
            EventKind.LodgementRetaken => $"The reserve retakes the wall at {zone}.",
            EventKind.CityFell => "The city falls.",
            EventKind.CanoesLaunched => $"{e.Value1:N0} boats of {actor} put out with {e.Value2:N0} men.",
            EventKind.EmbassyReceived => "Envoys from the city are received in the khagan's camp.",
            EventKind.EnvoysSent => $"The khagan sends envoys across to the Persians ({e.Value1} boats).",
            EventKind.EnvoysIntercepted => $"Roman ships catch the envoys' boats ({e.Value1}).",
            EventKind.EnvoysArrived => "The envoys reach the Persian camp.",
            EventKind.SignalLearned => e.Value1 != 0 ? "The defenders learn the agreed signal from captured envoys." : "The defenders learn the agreed signal.",
            EventKind.SignalLit => e.Value1 != 0 ? "The defenders light the signal fire themselves, as a trap." : "The signal fire is lit.",
            EventKind.BoatsSunk => $"Roman ships fall on {actor} at {zone}: {e.Value1:N0} boats lost, {e.Value2:N0} men killed, {e.Value3:N0} taken.",
            EventKind.BoatsSlipped => $"{e.Value1:N0} boats of {actor} slip past the Roman ships.",
            EventKind.PersiansFerried => $"{e.Value1:N0} Persians landed ({e.Value2:N0} in all).",
            EventKind.ContingentRefused => $"{actor} refuse to attack (morale {Permille(e.Value1)}).",
            EventKind.ContingentDeserted => $"{e.Value1:N0} men of {actor} desert (morale {Permille(e.Value2)}).",
            EventKind.SurvivorsExecuted => $"The khagan has {e.Value1:N0} survivors of {actor} put to death.",
            EventKind.ProcessionHeld => "A procession with the icon of the Virgin goes round the walls.",
            EventKind.HostHungry => $"The khagan's host runs short of food ({e.Value1} days left).",
            EventKind.KhaganWithdrew => "The khagan burns his engines and withdraws.",
            EventKind.CityNegotiated => "The city opens negotiations to surrender.",
            EventKind.SiegeUndecided => "The siege is still undecided at the horizon.",
            EventKind.SiegeLifted => "The siege is lifted.",
            EventKind.CityHungry => $"The city runs short of food ({e.Value1} days left).",
            _ => $"{e.Kind}.",
        };
        return text;
    }

    private static string Permille(int permille) => $"{permille / 10m:0.#}%";
}
