using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;

namespace Bosporos.Scenarios.Narrative;

/// <summary>Resolves the indices in events to scenario ids and names.</summary>
public static class Names
{
    public static string? ZoneId(SiegeDefinition d, int zone) => zone >= 0 && zone < d.Zones.Length ? d.Zones[zone].Id : null;

    /// <summary>The zone's name without its parenthesised gloss: "Mesoteichion (Lycus valley)" reads as "Mesoteichion".</summary>
    public static string Zone(SiegeDefinition d, int zone)
    {
        if (zone < 0 || zone >= d.Zones.Length)
        {
            return "the walls";
        }

        var name = d.Zones[zone].Name;
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? name[..paren] : name;
    }

    /// <summary>"1 day", "3 days".</summary>
    public static string Days(int n) => n == 1 ? "1 day" : $"{Count(n)} days";

    public static string? Id(SiegeDefinition d, EventRef kind, int index) => kind switch
    {
        EventRef.Contingent when index >= 0 && index < d.Contingents.Length => d.Contingents[index].Id,
        EventRef.Flotilla when index >= 0 && index < d.Flotillas.Length => d.Flotillas[index].Id,
        EventRef.EnginePark when index >= 0 && index < d.Engines.Length => d.Engines[index].Id,
        _ => null,
    };

    public static string Name(SiegeDefinition d, EventRef kind, int index) => kind switch
    {
        EventRef.Contingent when index >= 0 && index < d.Contingents.Length => d.Contingents[index].Name,
        EventRef.Flotilla when index >= 0 && index < d.Flotillas.Length => d.Flotillas[index].Name,
        EventRef.EnginePark when index >= 0 && index < d.Engines.Length => d.Engines[index].Name ?? d.Engines[index].Id.Replace('-', ' '),
        _ => "someone",
    };

    public static string Percent(int permille) => string.Create(CultureInfo.InvariantCulture, $"{permille / 10.0:0.#}%");

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>" (odds 62%, roll 18%)" when the dice decided, otherwise empty.</summary>
    public static string Odds(in SiegeEvent e) =>
        e.Odds < 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (odds {e.Odds / 100.0:0.##}%, roll {Math.Max(0, e.Roll) / 100.0:0.##}%)");

    /// <summary>A factor that weighed on the khagan, for people.</summary>
    public static string Factor(WithdrawalFactors factor) => factor switch
    {
        WithdrawalFactors.CanoesMassacred => "the boats were massacred",
        WithdrawalFactors.HostBrokeUp => "the host was breaking up",
        WithdrawalFactors.AssaultsFailed => "assaults kept failing",
        WithdrawalFactors.EnginesLost => "half his engines were lost",
        WithdrawalFactors.AlliesNotAcross => "no Persians had crossed",
        WithdrawalFactors.Hunger => "men went hungry",
        WithdrawalFactors.WallsIntact => "no wall was breached",
        WithdrawalFactors.HeavyLosses => "heavy losses",
        _ => Kebab(factor.ToString()),
    };

    /// <summary>Every factor set in a mask, for people, joined with commas.</summary>
    public static string Factors(WithdrawalFactors factors) =>
        string.Join(", ", Enum.GetValues<WithdrawalFactors>().Where(f => f != WithdrawalFactors.None && factors.HasFlag(f)).Select(Factor));

    public static string Cause(EndCause cause) => cause switch
    {
        EndCause.HostStarving => "the khagan's host was starving",
        EndCause.CohesionBroken => "the host's cohesion broke",
        EndCause.PlanSpent => "the khagan's plan was spent",
        EndCause.Ordered => "a withdrawal was ordered",
        EndCause.WallHeld => "the attackers held a stretch of the wall",
        EndCause.DefendersNegotiated => "the defenders came to terms",
        EndCause.Horizon => "the account ran out of days",
        EndCause.AimLost => "the khagan judged the siege lost",
        _ => "no cause recorded",
    };

    public static string Kebab(string pascal) => Naming.Kebab(pascal);

    /// <summary>"in the Upper Golden Horn", "at Blachernae": where something happened, phrased by the kind of place.</summary>
    public static string Where(SiegeDefinition d, int zone)
    {
        if (zone < 0 || zone >= d.Zones.Length)
        {
            return "on the walls";
        }

        return d.Zones[zone].Kind == Kernel.Geography.ZoneKind.Water ? $"in the {Zone(d, zone)}" : $"at {Zone(d, zone)}";
    }

    /// <summary>The wind, for people.</summary>
    public static string Wind(int wind) => wind switch
    {
        0 => "the wind fell calm",
        1 => "a breeze got up on the straits",
        _ => "a gale blew down the Bosporus",
    };
}
