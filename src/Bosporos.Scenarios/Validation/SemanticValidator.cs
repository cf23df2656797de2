using System.Globalization;
using System.Text.RegularExpressions;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Fortifications;
using Bosporos.Kernel.Geography;
using Bosporos.Kernel.Siegecraft;
using Bosporos.Scenarios.Binding;
using NodaTime;

namespace Bosporos.Scenarios.Validation;

/// <summary>
/// Checks what a bound definition means: ranges, unique ids, references, days, hours and dates. Reports every
/// problem at the node that holds it. Values whose binding failed are skipped (they already have a diagnostic), and
/// parts that are missing are tolerated, so this runs even when binding found errors.
/// </summary>
internal sealed partial class SemanticValidator(DiagnosticBag bag, Locator locator)
{
    public const string Weakest = "weakest";

    public void Validate(SiegeDefinition d, IReadOnlyList<NumberSite> numbers)
    {
        var horizon = d.Calendar is { } cal && !locator.Failed(cal, nameof(CalendarDefinition.HorizonDays)) && cal.HorizonDays > 0
            ? cal.HorizonDays
            : (int)NumericRules.MaxDays;
        CheckNumbers(numbers, horizon);
        CheckCalendar(d.Calendar);

        if (d.Id is not null && !ScenarioIdPattern().IsMatch(d.Id))
        {
            Report(d, nameof(SiegeDefinition.Id), "id", DiagnosticCodes.BadId, $"The scenario id '{d.Id}' is not a valid id.",
                "Use lower-case letters, digits and hyphens, starting with a letter or digit (at most 64), e.g. constantinople-626.");
        }

        var zones = Ids(Arr(d.Zones), z => z.Id);
        var contingents = Ids(Arr(d.Contingents), c => c.Id);
        var flotillas = Ids(Arr(d.Flotillas), f => f.Id);
        Ids(Arr(d.Engines), e => e.Id);

        var zoneKinds = Arr(d.Zones)
            .Where(z => z.Id is not null && !locator.Failed(z, nameof(ZoneDefinition.Kind)))
            .GroupBy(z => z.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);

        foreach (var zone in Arr(d.Zones))
        {
            RefList(zone, nameof(ZoneDefinition.Neighbours), "neighbours", zone.Neighbours, zones, "zone");
        }

        CheckWallSectors(Arr(d.WallSectors), zones, zoneKinds);
        var sectors = Arr(d.WallSectors).Select(s => s.Zone).Where(z => z is not null).ToHashSet(StringComparer.Ordinal);

        foreach (var c in Arr(d.Contingents))
        {
            Ref(c, nameof(ContingentDefinition.Zone), "zone", c.Zone, zones, "zone");
        }

        foreach (var f in Arr(d.Flotillas))
        {
            Ref(f, nameof(FlotillaDefinition.Station), "station", f.Station, zones, "zone");
            Ref(f, nameof(FlotillaDefinition.Crew), "crew", f.Crew, contingents, "contingent");
        }

        foreach (var e in Arr(d.Engines))
        {
            SectorRef(e, nameof(EngineParkDefinition.Sector), "sector", e.Sector, zones, sectors, allowWeakest: false);
        }

        if (d.Supply is { } supply)
        {
            Ref(supply, "SeaLaneZone", "sea-lane-zone", supply.SeaLaneZone, zones, "zone");
        }

        if (d.Diplomacy is { } diplomacy)
        {
            RefList(diplomacy, "EnvoyRoute", "envoy-route", diplomacy.EnvoyRoute, zones, "zone");
            Ref(diplomacy, "SignalZone", "signal-zone", diplomacy.SignalZone, zones, "zone");
            Ref(diplomacy, "LandingZone", "landing-zone", diplomacy.LandingZone, zones, "zone");
            Ref(diplomacy, "PersianContingent", "persian-contingent", diplomacy.PersianContingent, contingents, "contingent");
        }

        if (d.Command is { } command)
        {
            foreach (var step in Arr(command.Khagan))
            {
                CheckStep(step, zones, flotillas, sectors);
            }

            if (command.Defenders is { } defenders)
            {
                foreach (var patrol in Arr(defenders.Patrols))
                {
                    Ref(patrol, nameof(PatrolDefinition.Flotilla), "flotilla", patrol.Flotilla, flotillas, "flotilla");
                    Ref(patrol, nameof(PatrolDefinition.Zone), "zone", patrol.Zone, zones, "zone");
                }
            }
        }

        if (d.Siegecraft is { } craft && craft.ShootFromHour >= craft.ShootUntilHour
            && !locator.Failed(craft, "ShootFromHour") && !locator.Failed(craft, "ShootUntilHour"))
        {
            Report(craft, "ShootUntilHour", "shoot-until-hour", DiagnosticCodes.BadHours,
                $"Engines stop shooting at hour {craft.ShootUntilHour}, not after they start ({craft.ShootFromHour}).",
                "The stop hour must be later than the start hour.");
        }
    }

    internal void CheckNumbers(IReadOnlyList<NumberSite> numbers, int horizon)
    {
        foreach (var site in numbers)
        {
            var rule = NumericRules.For(site.Property);
            var max = rule.AboveCode == DiagnosticCodes.BeyondHorizon ? Math.Min(rule.Max, horizon) : rule.Max;
            var refused = site.Value < rule.Min || site.Value > max;
            if (site.Value < rule.Min)
            {
                bag.Error(rule.BelowCode, site.Node, site.Path, $"{Show(site.Value)} is below the least allowed value {Show(rule.Min)}.", rule.Hint);
            }
            else if (site.Value > max)
            {
                var message = rule.AboveCode == DiagnosticCodes.BeyondHorizon
                    ? $"Day {Show(site.Value)} is beyond the scenario's horizon of {horizon} days."
                    : $"{Show(site.Value)} is above the largest allowed value {Show(rule.Max)}.";
                bag.Error(rule.AboveCode, site.Node, site.Path, message, rule.Hint);
            }

            var cited = site.Cited;
            if (cited.RangeLow is { } low && cited.RangeHigh is { } high)
            {
                if (low > high)
                {
                    bag.Error(DiagnosticCodes.OutsideCitedRange, site.RangeNode ?? site.Node, site.Path,
                        $"The range [{Show(low)}, {Show(high)}] has its low bound above its high bound.", "Write the range as [low, high].");
                }
                else if ((site.Value < low || site.Value > high) && cited.Overridden)
                {
                    // A counterfactual leaves the sources on purpose (no fleet: hulls 0): say so, do not refuse it;
                    // a value already refused above needs no second word.
                    if (!refused)
                    {
                        bag.Warning(DiagnosticCodes.OverrideOutsideCitedRange, site.Node, site.Path,
                            $"The value {Show(site.Value)} set on the command line lies outside the cited range [{Show(low)}, {Show(high)}]: a counterfactual, not a reading of the sources.",
                            "Nothing to fix if that is intended; results for it are not a reading of the sources.");
                    }
                }
                else if (site.Value < low || site.Value > high)
                {
                    bag.Error(DiagnosticCodes.OutsideCitedRange, site.Node, site.Path,
                        $"The value {Show(site.Value)} lies outside its cited range [{Show(low)}, {Show(high)}].",
                        "Either the value or the range is wrong; the value must lie within its range.");
                }
            }
        }
    }

    internal void CheckCalendar(CalendarDefinition? calendar)
    {
        if (calendar is null || locator.Failed(calendar, "StartYear") || locator.Failed(calendar, "StartMonth") || locator.Failed(calendar, "StartDay"))
        {
            return;
        }

        if (calendar.StartYear is < 1 or > 9999 || calendar.StartMonth is < 1 or > 12 || calendar.StartDay < 1)
        {
            return; // already reported by the range rules
        }

        var days = CalendarSystem.Julian.GetDaysInMonth(calendar.StartYear, calendar.StartMonth);
        if (calendar.StartDay > days)
        {
            Report(calendar, "StartDay", "start-day", DiagnosticCodes.BadDate,
                $"Day {calendar.StartDay} does not exist: month {calendar.StartMonth} of {calendar.StartYear} (Julian) has {days} days.",
                "Give a day within the month; dates follow the Julian calendar, with a leap day every fourth year.");
        }
    }

    private void CheckWallSectors(WallSectorDefinition[] sectors, HashSet<string> zones, Dictionary<string, ZoneKind> kinds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sector in sectors)
        {
            if (sector.Zone is null || !Ref(sector, nameof(WallSectorDefinition.Zone), "zone", sector.Zone, zones, "zone"))
            {
                continue;
            }

            if (!seen.Add(sector.Zone))
            {
                Report(sector, nameof(WallSectorDefinition.Zone), "zone", DiagnosticCodes.DuplicateId,
                    $"Two wall sectors are on zone '{sector.Zone}'.", "Each wall zone has one sector; merge them or use another zone.");
            }

            if (kinds.TryGetValue(sector.Zone, out var kind) && kind is not (ZoneKind.LandWall or ZoneKind.SeaWall))
            {
                Report(sector, nameof(WallSectorDefinition.Zone), "zone", DiagnosticCodes.NotAWall,
                    $"Wall sector zone '{sector.Zone}' is of kind {PropertyModel.Kebab(kind.ToString())}, not a wall.",
                    "A wall sector stands on a zone of kind land-wall or sea-wall.");
            }
        }
    }

    private void CheckStep(IntentionDefinition step, HashSet<string> zones, HashSet<string> flotillas, HashSet<string> sectors)
    {
        // Assaults fight from start-hour to end-hour within one day. Other steps act at start-hour only (or, like a
        // night crossing, may run past midnight), so only assault windows must end after they start.
        if (step.Action is PlanAction.GeneralAssault or PlanAction.CombinedAttack && step.StartHour >= step.EndHour
            && !locator.Failed(step, "Action") && !locator.Failed(step, "StartHour") && !locator.Failed(step, "EndHour"))
        {
            Report(step, "EndHour", "end-hour", DiagnosticCodes.BadHours,
                $"The assault ends at hour {step.EndHour}, not after it starts ({step.StartHour}).",
                "An assault's end-hour must be later than its start-hour within the same day (0-23).");
        }

        SectorRef(step, "Target", "target", step.Target, zones, sectors, allowWeakest: true);
        Ref(step, "Flotilla", "flotilla", step.Flotilla, flotillas, "flotilla");
        RefList(step, "Route", "route", step.Route, zones, "zone");
    }

    private HashSet<string> Ids<T>(T[] items, Func<T, string?> id)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var value = id(item);
            if (value is null)
            {
                continue;
            }

            if (!ElementIdPattern().IsMatch(value))
            {
                Report(item, "Id", "id", DiagnosticCodes.BadId, $"'{value}' is not a valid id.",
                    "Use lower-case letters, digits, hyphens or underscores, starting with a letter or digit (at most 64).");
            }

            if (!seen.Add(value))
            {
                Report(item, "Id", "id", DiagnosticCodes.DuplicateId, $"The id '{value}' is used twice in this list.",
                    "Ids must be unique within a list; rename one of them.");
            }
        }

        return seen;
    }

    private bool Ref(object owner, string name, string key, string? value, HashSet<string> known, string what)
    {
        if (value is null || locator.Failed(owner, name))
        {
            return false;
        }

        if (known.Contains(value))
        {
            return true;
        }

        Report(owner, name, key, DiagnosticCodes.UnknownReference, $"No {what} has the id '{value}'.", Suggestions.Hint(value, known, $"a {what} id"));
        return false;
    }

    private void RefList(object owner, string name, string key, string[]? values, HashSet<string> known, string what)
    {
        if (values is null || locator.Failed(owner, name))
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!known.Contains(values[i]))
            {
                var (node, path) = locator.Find(owner, $"{name}[{i}]", $"{key}.{i.ToString(CultureInfo.InvariantCulture)}");
                bag.Error(DiagnosticCodes.UnknownReference, node, path, $"No {what} has the id '{values[i]}'.", Suggestions.Hint(values[i], known, $"a {what} id"));
            }
        }
    }

    private void SectorRef(object owner, string name, string key, string? value, HashSet<string> zones, HashSet<string> sectors, bool allowWeakest)
    {
        if (value is null || locator.Failed(owner, name) || (allowWeakest && value == Weakest) || sectors.Contains(value))
        {
            return;
        }

        var candidates = allowWeakest ? sectors.Append(Weakest).ToList() : [.. sectors];
        Report(owner, name, key, DiagnosticCodes.UnknownReference,
            zones.Contains(value) ? $"Zone '{value}' has no wall sector." : $"No wall sector is on a zone with the id '{value}'.",
            Suggestions.Hint(value, candidates, "a wall sector's zone id" + (allowWeakest ? " or 'weakest'" : string.Empty)));
    }

    private void Report(object owner, string name, string key, string code, string message, string hint)
    {
        var (node, path) = locator.Find(owner, name, key);
        bag.Error(code, node, path, message, hint);
    }

    private static T[] Arr<T>(T[]? items) => items ?? [];

    private static string Show(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    internal static partial Regex ScenarioIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex ElementIdPattern();
}
