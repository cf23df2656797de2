using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.War;
using Bosporos.Scenarios.Binding;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.War;

/// <summary>
/// The meaning checks of a war scenario: unique ids, every reference to a region, army, contingent or flotilla,
/// the siege's place in the calendar. Each problem is reported at the node that holds it; values whose binding
/// failed are skipped.
/// </summary>
internal sealed class WarValidator(DiagnosticBag bag, Locator locator)
{
    private HashSet<string> regions = new(StringComparer.Ordinal);
    private HashSet<string> armies = new(StringComparer.Ordinal);

    public void Validate(WarDefinition d)
    {
        if (d.Id is not null && !SemanticValidator.ScenarioIdPattern().IsMatch(d.Id))
        {
            Report(d, nameof(WarDefinition.Id), "id", DiagnosticCodes.BadId, $"The scenario id '{d.Id}' is not a valid id.",
                "Use lower-case letters, digits and hyphens, e.g. war-622-628.");
        }

        regions = Ids(d.Regions ?? [], r => r.Id, nameof(RegionDefinition.Id));
        armies = Ids(d.Armies ?? [], a => a.Id, nameof(ArmyDefinition.Id));
        if (d.Regions is { Length: > 0 } && !d.Regions.Any(r => r.Capital))
        {
            var (node, path) = locator.Find(d, nameof(WarDefinition.Regions), "regions");
            bag.Error(DiagnosticCodes.UnknownReference, node, path, "No region is the capital: the siege needs one.", "Mark the capital's region with 'capital: true'.");
        }

        foreach (var r in d.Regions ?? [])
        {
            Ref(r, nameof(RegionDefinition.Governor), "governor", r.Governor, armies, "army");
        }

        foreach (var route in d.Routes ?? [])
        {
            Ref(route, nameof(RouteDefinition.From), "from", route.From, regions, "region");
            Ref(route, nameof(RouteDefinition.To), "to", route.To, regions, "region");
            if (route.Days == 0 && !locator.Failed(route, nameof(RouteDefinition.Days)))
            {
                Report(route, nameof(RouteDefinition.Days), "days", DiagnosticCodes.Negative, "A route takes at least one day.", "Give the days of travel outside winter (1 or more).");
            }
        }

        foreach (var a in d.Armies ?? [])
        {
            Ref(a, nameof(ArmyDefinition.Region), "region", a.Region, regions, "region");
        }

        if (d.Heraclius is { } h)
        {
            RefArmy(h, nameof(HeracliusDoctrine.Army), "army", h.Army);
            RefArmy(h, nameof(HeracliusDoctrine.CapitalArmy), "capital-army", h.CapitalArmy);
            RefArmy(h, nameof(HeracliusDoctrine.TheodoreArmy), "theodore-army", h.TheodoreArmy);
            RefRegion(h, nameof(HeracliusDoctrine.AllianceRegion), "alliance-region", h.AllianceRegion);
            RefRegion(h, nameof(HeracliusDoctrine.InvadeTarget), "invade-target", h.InvadeTarget);
            RefRegion(h, nameof(HeracliusDoctrine.RaidTarget), "raid-target", h.RaidTarget);
            RefRegion(h, nameof(HeracliusDoctrine.WinterRegion), "winter-region", h.WinterRegion);
            for (var i = 0; i < (h.Plan ?? []).Length; i++)
            {
                CheckStep(h.Plan![i]);
            }

            if (h.InvadeUntilDay < h.InvadeFromDay && !locator.Failed(h, nameof(HeracliusDoctrine.InvadeUntilDay)))
            {
                Report(h, nameof(HeracliusDoctrine.InvadeUntilDay), "invade-until-day", DiagnosticCodes.DaysReversed,
                    $"The invasion window ends (day {h.InvadeUntilDay}) before it opens (day {h.InvadeFromDay}).", "Make invade-until-day at least invade-from-day.");
            }
        }

        if (d.Khosrow is { } k)
        {
            RefArmy(k, nameof(KhosrowDoctrine.ShahinArmy), "shahin-army", k.ShahinArmy);
            RefRegion(k, nameof(KhosrowDoctrine.ShahinTarget), "shahin-target", k.ShahinTarget);
            RefArmy(k, nameof(KhosrowDoctrine.ShahrbarazArmy), "shahrbaraz-army", k.ShahrbarazArmy);
            RefList(k, nameof(KhosrowDoctrine.RaiseOnInvasion), "raise-on-invasion", k.RaiseOnInvasion, armies, "army");
            RefList(k, nameof(KhosrowDoctrine.Shadow), "shadow", k.Shadow, armies, "army");
            RefList(k, nameof(KhosrowDoctrine.Trap), "trap", k.Trap, armies, "army");
            RefRegion(k, nameof(KhosrowDoctrine.CourtRegion), "court-region", k.CourtRegion);
            RefRegion(k, nameof(KhosrowDoctrine.StraitsRegion), "straits-region", k.StraitsRegion);
        }

        if (d.Avars is { } av && av.PeaceDaysMax < av.PeaceDaysMin && !locator.Failed(av, nameof(AvarDoctrine.PeaceDaysMax)))
        {
            Report(av, nameof(AvarDoctrine.PeaceDaysMax), "peace-days-max", DiagnosticCodes.DaysReversed,
                $"The khagan's peace comes at most {av.PeaceDaysMax} days after his threat, fewer than the least ({av.PeaceDaysMin}).", "Make peace-days-max at least peace-days-min.");
        }

        if (d.Turks is { } t)
        {
            RefArmy(t, nameof(TurkDoctrine.Army), "army", t.Army);
            RefRegion(t, nameof(TurkDoctrine.RavageRegion), "ravage-region", t.RavageRegion);
            RefRegion(t, nameof(TurkDoctrine.JoinRegion), "join-region", t.JoinRegion);
        }

        if (d.Courier is { } c)
        {
            RefList(c, nameof(CourierDefinition.Route), "route", c.Route, regions, "region");
            if (c.Route is { Length: 0 } && !locator.Failed(c, nameof(CourierDefinition.Route)))
            {
                Report(c, nameof(CourierDefinition.Route), "route", DiagnosticCodes.UnknownReference, "The courier's route is empty.", "List the regions he crosses, from the court to the general.");
            }

            if (c.DaysPerRegion == 0 && !locator.Failed(c, nameof(CourierDefinition.DaysPerRegion)))
            {
                Report(c, nameof(CourierDefinition.DaysPerRegion), "days-per-region", DiagnosticCodes.Negative, "The courier spends at least a day in each region.", "Give 1 or more.");
            }
        }

        foreach (var link in d.Siege?.Links ?? [])
        {
            RefArmy(link, nameof(SiegeForceLink.Army), "army", link.Army);
        }
    }

    /// <summary>An objective of the early campaigns names the region or army its kind needs.</summary>
    private void CheckStep(CampaignStep step)
    {
        if (step is null)
        {
            return;
        }

        if (step.Kind == StepKind.Seek)
        {
            if (step.Army is null && !locator.Failed(step, nameof(CampaignStep.Kind)))
            {
                Report(step, nameof(CampaignStep.Kind), "kind", DiagnosticCodes.UnknownReference, "A 'seek' objective names the army it seeks.", "Add 'army: <id>' to the objective.");
            }

            RefArmy(step, nameof(CampaignStep.Army), "army", step.Army);
            return;
        }

        if (step.Region is null && !locator.Failed(step, nameof(CampaignStep.Kind)))
        {
            Report(step, nameof(CampaignStep.Kind), "kind", DiagnosticCodes.UnknownReference, $"A '{Naming.Kebab(step.Kind.ToString())}' objective names its region.", "Add 'region: <id>' to the objective.");
        }

        RefRegion(step, nameof(CampaignStep.Region), "region", step.Region);
    }

    /// <summary>The links name contingents and flotillas of the siege scenario, each at most once; the siege lies inside the campaign.</summary>
    public void CheckLinks(WarDefinition d, SiegeDefinition siege)
    {
        var contingents = siege.Contingents.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var flotillas = siege.Flotillas.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in d.Siege?.Links ?? [])
        {
            RefList(link, nameof(SiegeForceLink.Contingents), "contingents", link.Contingents, contingents, $"contingent of the siege scenario '{siege.Id}'");
            RefList(link, nameof(SiegeForceLink.Flotillas), "flotillas", link.Flotillas, flotillas, $"flotilla of the siege scenario '{siege.Id}'");
            for (var i = 0; i < (link.Contingents ?? []).Length; i++)
            {
                if (!used.Add(link.Contingents![i]))
                {
                    var (node, path) = locator.Find(link, $"{nameof(SiegeForceLink.Contingents)}[{i}]", $"contingents.{i.ToString(CultureInfo.InvariantCulture)}");
                    bag.Error(DiagnosticCodes.DuplicateId, node, path, $"The contingent '{link.Contingents[i]}' is filled by two armies.", "Link each contingent to one army.");
                }
            }
        }

        if (d.Calendar is { } cal && cal.StartMonth is >= 1 and <= 12 && cal.StartDay is >= 1 and <= 31)
        {
            var start = JulianDate.Of(siege.Calendar).DayNumber - JulianDate.Of(cal).DayNumber;
            if (start < 0 || start >= cal.HorizonDays)
            {
                var (node, path) = locator.Find(d.Siege!, nameof(SiegeLinkDefinition.Scenario), "scenario");
                bag.Error(DiagnosticCodes.BeyondHorizon, node, path,
                    $"The siege '{siege.Id}' begins on {siege.Calendar.StartYear}-{siege.Calendar.StartMonth:00}-{siege.Calendar.StartDay:00}, outside the campaign's days (day {start}).",
                    "Start the campaign before the siege and give it a horizon that reaches past it.");
            }
        }
    }

    private HashSet<string> Ids<T>(T[] items, Func<T, string?> id, string name)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (id(item) is { } value && !seen.Add(value))
            {
                Report(item, name, "id", DiagnosticCodes.DuplicateId, $"The id '{value}' is used twice.", "Give each entry its own id.");
            }
        }

        return seen;
    }

    private void RefArmy(object owner, string name, string key, string? value) => Ref(owner, name, key, value, armies, "army");

    private void RefRegion(object owner, string name, string key, string? value) => Ref(owner, name, key, value, regions, "region");

    private void Ref(object owner, string name, string key, string? value, HashSet<string> known, string what)
    {
        if (value is null || locator.Failed(owner, name) || known.Contains(value))
        {
            return;
        }

        var (node, path) = locator.Find(owner, name, key);
        bag.Error(DiagnosticCodes.UnknownReference, node, path, $"No {what} has the id '{value}'.", Suggestions.Hint(value, known, $"a {what} id"));
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

    private void Report(object owner, string name, string key, string code, string message, string hint)
    {
        var (node, path) = locator.Find(owner, name, key);
        bag.Error(code, node, path, message, hint);
    }
}
