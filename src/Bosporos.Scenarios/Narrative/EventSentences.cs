using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using static Bosporos.Scenarios.Narrative.Names;

namespace Bosporos.Scenarios.Narrative;

/// <summary>
/// One plain sentence per event, with names resolved from the definition: the chronicle of the command line and the
/// web replay tell a run in the same words. Display only, never in a run.
/// </summary>
public static class EventSentences
{
    /// <summary>Kinds shown as markers on a timeline: the turns of the story.</summary>
    public static bool IsMajor(EventKind kind) => kind is
        EventKind.AqueductCut or EventKind.ShowOfForce or EventKind.AssaultBegan or EventKind.WallSeized or
        EventKind.CityFell or EventKind.CanoesLaunched or EventKind.EmbassyReceived or EventKind.EnvoysIntercepted or
        EventKind.SignalLit or EventKind.BoatsSunk or EventKind.PersiansFerried or EventKind.KhaganWithdrew or
        EventKind.CityNegotiated or EventKind.SiegeLifted or EventKind.SiegeUndecided or EventKind.EnginesBuilt or
        EventKind.TowerBurned or EventKind.KhaganDecided or EventKind.SortieMade or EventKind.Thanksgiving;

    public static string Sentence(SiegeDefinition d, in SiegeEvent e)
    {
        ArgumentNullException.ThrowIfNull(d);
        var f = EventFields.For(e.Kind);
        var actor = Name(d, f.Actor, e.Actor);
        var other = Name(d, f.Other, e.Other);
        var zone = Zone(d, e.Zone);
        var odds = Odds(e);
        return e.Kind switch
        {
            EventKind.ContingentArrived when e.Time.Hours == 0 && e.Time.Day == 0 => $"{actor}: {Count(e.Value1)} men in position.",
            EventKind.ContingentArrived => $"{actor} arrived, {Count(e.Value1)} men strong.",
            EventKind.FlotillaArrived when e.Time.Hours == 0 && e.Time.Day == 0 => $"{actor}: {Count(e.Value1)} hulls on station.",
            EventKind.FlotillaArrived => $"{actor} arrived with {Count(e.Value1)} hulls.",
            EventKind.AqueductCut => "The besiegers cut the aqueduct: the city drinks from its cisterns.",
            EventKind.ShowOfForce => $"The khagan drew up {Count(e.Value1)} men in full armour before the walls.",
            EventKind.EnginesBuilt => $"{Capital(actor)} were ready: {Count(e.Value1)} engines stood before {zone}.",
            EventKind.AssaultBegan => $"An assault began on {zone}: {Count(e.Value1)} attackers against {Count(e.Value2)} defenders, with {Towers(e.Value3)}.",
            EventKind.Engagement => $"Fighting at {zone}: the attackers lost {Count(e.Value1)} men, the defenders {Count(e.Value2)}.",
            EventKind.AssaultRepulsed => $"The assault on {zone} was thrown back; the attackers lost {Count(e.Value1)} men, the defenders {Count(e.Value2)}{odds}.",
            EventKind.WallBattered => $"Stones battered {zone}: {Walls(d, e)}.",
            EventKind.WallRepaired => $"Overnight the defenders patched {zone} ({Walls(d, e)}).",
            EventKind.EngineWrecked => $"The city's engines wrecked one of {actor} before {zone}, {Count(e.Value1)} left{odds}.",
            EventKind.TowerBurned => $"A siege tower of {actor} was burned before {zone}, {Count(e.Value1)} left{odds}.",
            EventKind.WallSeized => $"The attackers won a footing on the wall at {zone}: {Count(e.Value1)} men on the wall against {Count(e.Value2)}{odds}.",
            EventKind.LodgementRetaken => $"The defenders cleared the wall at {zone}; the attackers lost {Count(e.Value1)} men, the defenders {Count(e.Value2)}{odds}.",
            EventKind.CityFell => $"The city fell: the enemy had held the wall at {zone} for {Count(e.Value1)} hours.",
            EventKind.CanoesLaunched when e.Value2 == 0 => $"{Capital(actor)}: {Count(e.Value1)} boats were put into the water {Where(d, e.Zone)}.",
            EventKind.CanoesLaunched => $"{Capital(actor)} put out with {Count(e.Value1)} boats carrying {Count(e.Value2)} men.",
            EventKind.EmbassyReceived => "The khagan received an embassy from the city and demanded its surrender.",
            EventKind.EnvoysSent => $"The khagan sent envoys across to the Persians in {Count(e.Value1)} boats, with a signal agreed.",
            EventKind.EnvoysIntercepted => $"The guard ships caught an envoys' boat {Where(d, e.Zone)}{odds}.",
            EventKind.EnvoysArrived => $"The envoys reached the Persians at {zone}{odds}.",
            EventKind.SignalLearned => $"The defenders learned the signal for the Slav boats' attack{(e.Value1 != 0 ? " from the captured envoys" : " from deserters")}{odds}.",
            EventKind.SignalLit => e.Value1 != 0 ? $"The defenders lit a false signal fire at {zone}." : $"The signal fire was lit at {zone}.",
            EventKind.BoatsSunk => $"{Capital(actor)} was caught {Where(d, e.Zone)}: {Count(e.Value1)} boats lost, {Count(e.Value2)} of {other} killed and {Count(e.Value3)} taken{odds}.",
            EventKind.BoatsSlipped => $"{Count(e.Value1)} boats of {actor} slipped past the guard ships {Where(d, e.Zone)}{odds}.",
            EventKind.PersiansFerried => $"{Count(e.Value1)} of {actor} were ferried across to {zone}, {Count(e.Value2)} landed in all{odds}.",
            EventKind.ContingentRefused => $"{Capital(actor)} refused to attack (morale {Percent(e.Value1)}){odds}.",
            EventKind.ContingentDeserted => $"{Count(e.Value1)} of {actor} deserted (morale {Percent(e.Value2)}){odds}.",
            EventKind.SurvivorsExecuted => $"The khagan had {Count(e.Value1)} survivors of {actor} put to death.",
            EventKind.ProcessionHeld when e.Value1 > 0 => $"The patriarch carried the icons in procession along the walls; {Count(e.Value1)} men left the walls to walk with them.",
            EventKind.ProcessionHeld => "The patriarch carried the icons in procession along the walls.",
            EventKind.HostHungry when e.Value2 > 0 => $"The khagan's host went hungry: {Count(e.Value2)} man-days short, food in hand for {Days(e.Value1)}.",
            EventKind.HostHungry => $"The khagan's host was running short: food in hand for {Days(e.Value1)}.",
            EventKind.KhaganWithdrew when e.Value1 == (int)EndCause.AimLost => "The khagan burned his engines and withdrew.",
            EventKind.KhaganWithdrew => $"The khagan burned his engines and withdrew: {Cause((EndCause)e.Value1)}. His hopes stood at {Percent(e.Value2)}{Weighing(e.Value3)}.",
            EventKind.CityNegotiated => $"The city came to terms with the khagan (morale {Percent(e.Value1)}){odds}.",
            EventKind.SiegeUndecided => "The siege was still undecided when the account ends.",
            EventKind.SiegeLifted => $"The siege was lifted; {Count(e.Value1)} engines burned in the camp.",
            EventKind.CityHungry => $"Bread ran short in the city: food for {Days(e.Value1)}.",
            EventKind.KhaganDecided => Decision(d, e),
            EventKind.DefendersDecided => Defenders(d, e),
            EventKind.SortieMade when e.Value1 > 0 => $"A sortie of {Count(e.Value3)} picked men fell on the engines at {zone} by night and burned {Count(e.Value1)}; {Count(e.Value2)} of them fell{odds}.",
            EventKind.SortieMade => $"A sortie of {Count(e.Value3)} men against the engines at {zone} was driven back by the camp's guard; {Count(e.Value2)} fell{odds}.",
            EventKind.WindChanged => $"{Capital(Names.Wind(e.Value1))}.",
            EventKind.WarshipDamaged => $"A warship was holed in the fight {Where(d, e.Zone)}; {Count(e.Value1)} left on station there{odds}.",
            EventKind.Thanksgiving => $"The city gave thanks to the Virgin in Hagia Sophia, and a new proemium of the Akathist hymn was sung (defenders' morale {Percent(e.Value1)}).",
            EventKind.AlliesAnswered when e.Value2 != 0 => $"Shahrbaraz answered the envoys: {Count(e.Value1)} of his men would board the boats when they came.",
            EventKind.AlliesAnswered => $"No word from the khagan reached Shahrbaraz: only {Count(e.Value1)} of his men would risk the crossing.",
            EventKind.OrderGiven => OrderSentence(d, e),
            _ => $"{Kebab(e.Kind.ToString())} at {zone}{odds}.",
        };
    }

    /// <summary>An order from outside the doctrines, with who gave it: "By the player's order, ...".</summary>
    private static string OrderSentence(SiegeDefinition d, in SiegeEvent e)
    {
        var zone = Zone(d, e.Zone);
        var who = (OrderSource)e.Value3 switch
        {
            OrderSource.Ai => "By the AI commander's order",
            OrderSource.Doctrine => "By the doctrine's order",
            OrderSource.Script => "By the script's order",
            _ => "By the player's order",
        };
        var what = (OrderKind)e.Value1 switch
        {
            OrderKind.Assault => $"the khagan's host was to storm {zone}",
            OrderKind.HoldAssault => "the khagan held back today's assault",
            OrderKind.Withdraw => "the khagan was to burn his engines and withdraw",
            OrderKind.Procession => "the patriarch was to carry the icons along the walls",
            OrderKind.Patrol => $"{Count(e.Value2)} warships were to keep station {Where(d, e.Zone)}",
            OrderKind.Reinforce when e.Zone < 0 => "the defenders were to man the walls by their own judgement of the threat",
            OrderKind.Reinforce => $"the defenders were to hold {zone} as the threatened sector",
            OrderKind.Sortie when e.Value2 == 0 => "no sortie was to go out tonight",
            OrderKind.Sortie => $"{Count(e.Value2)} picked men were to sortie against the engines at {zone}",
            OrderKind.SetTrap when e.Value2 == 0 => "the warships were to stay on their stations even if the signal was known",
            OrderKind.SetTrap => "the warships were to mass for a trap once the signal was known",
            OrderKind.AnswerEnvoys when e.Value2 == 0 => "the city was to refuse every demand",
            OrderKind.AnswerEnvoys => "the city was to come to terms at the khagan's next demand",
            OrderKind.LaunchBoats => "the boats were to attack with the land assault",
            OrderKind.SendEnvoys => "envoys were to cross the strait to Shahrbaraz",
            OrderKind.DemandSurrender => "the khagan demanded the city",
            OrderKind.SpareSurvivors when e.Value2 == 0 => "survivors of failed boat attacks were to be put to death",
            OrderKind.SpareSurvivors => "survivors of failed boat attacks were to be spared",
            OrderKind.BuildEngines => "the engines were to be built",
            _ => "an order was given",
        };
        return $"{who}, {what}.";
    }

    /// <summary>What the khagan decided, and why.</summary>
    private static string Decision(SiegeDefinition d, in SiegeEvent e)
    {
        var zone = Zone(d, e.Zone);
        return (KhaganDecision)e.Value1 switch
        {
            KhaganDecision.Assault when e.Value2 == 0 => $"The khagan ordered an assault on {zone}.",
            KhaganDecision.Assault => $"The khagan ordered another assault on {zone}, after {Count(e.Value2)} failed in a row.",
            KhaganDecision.AssaultBreach => $"The khagan turned the assault on {zone}, where the wall was breached (standing at {Percent(e.Value2)}).",
            KhaganDecision.Abandon when e.Value2 == 1 => $"The khagan gave up {Intention(d, e.Value3)} after it failed.",
            KhaganDecision.Abandon => $"The khagan gave up {Intention(d, e.Value3)} after {Count(e.Value2)} failures in a row.",
            KhaganDecision.WaitForWeather => "The khagan kept his boats ashore: the wind was too strong.",
            KhaganDecision.HostUnwilling => "The khagan ordered no assault: his troops would not go forward.",
            KhaganDecision.CombinedAttack when e.Value2 == 0 => $"The khagan committed the boats and the land attack together against {zone}, the signal agreed.",
            KhaganDecision.CombinedAttack => $"The khagan committed the boats and the land attack together against {zone}, the signal agreed and the walls worn {Percent(e.Value2)} of the way to a breach.",
            KhaganDecision.JudgedLost => $"The khagan judged the siege lost: {Factors((WithdrawalFactors)e.Value3)}; his hopes stood at {Percent(e.Value2)}.",
            KhaganDecision.LastCard => $"The khagan's hopes had fallen to {Percent(e.Value2)} ({Factors((WithdrawalFactors)e.Value3)}); before giving up he would throw in the boats with the land attack.",
            KhaganDecision.FetchAllies => "The khagan sent boats by night to fetch the Persians across the Bosporus.",
            _ => "The khagan decided.",
        };
    }

    /// <summary>What the defenders decided, and why.</summary>
    private static string Defenders(SiegeDefinition d, in SiegeEvent e)
    {
        var zone = Zone(d, e.Zone);
        return (DefenderDecision)e.Value1 switch
        {
            DefenderDecision.ReinforceSector => $"Bonus manned {zone} more thickly, fearing it most: {Count(e.Value2)} men there.",
            DefenderDecision.SetTrap => $"Knowing the signal, the defenders massed {Count(e.Value2)} more warships {Where(d, e.Zone)} and lay in wait.",
            DefenderDecision.CallProcession => $"With hearts failing (morale {Percent(e.Value2)}), the patriarch called a procession.",
            DefenderDecision.RefuseTerms => $"The defenders refused to surrender the city (morale {Percent(e.Value2)}).",
            DefenderDecision.Sortie => $"Bonus sent {Count(e.Value2)} picked men out by night against the engines at {zone}.",
            _ => "The defenders decided.",
        };
    }

    private static string Intention(SiegeDefinition d, int k) =>
        k >= 0 && k < d.Command.Khagan.Length ? Kebab(d.Command.Khagan[k].Action.ToString()).Replace('-', ' ') switch
        {
            "general assault" => "the assaults on the land walls",
            "combined attack" => "the boat attack",
            "ferry persians" => "ferrying the Persians",
            var other => other,
        } : "his plan";

    private static string Weighing(int factors) =>
        factors == 0 ? string.Empty : $"; what weighed on him: {Factors((WithdrawalFactors)factors)}";

    private static string Towers(int n) => n == 0 ? "no towers" : n == 1 ? "one tower" : $"{Count(n)} towers";

    /// <summary>"outer wall 82%, inner 100%", or just "wall 82%" where the sector has one wall.</summary>
    private static string Walls(SiegeDefinition d, in SiegeEvent e)
    {
        var zoneId = e.Zone >= 0 && e.Zone < d.Zones.Length ? d.Zones[e.Zone].Id : null;
        var sector = Array.FindIndex(d.WallSectors, s => s.Zone == zoneId);
        if (sector >= 0 && !(d.WallSectors[sector].OuterWall && d.WallSectors[sector].InnerWall))
        {
            return $"the wall stood at {Percent(d.WallSectors[sector].OuterWall ? e.Value1 : e.Value2)}";
        }

        return $"the outer wall stood at {Percent(e.Value1)}, the inner at {Percent(e.Value2)}";
    }

    private static string Capital(string s) =>
        s.Length == 0 ? s : string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(s[0])}{s[1..]}");
}
