using System.Text;
using Bosporos.Scenarios.Validation;
using static Bosporos.Scenarios.Validation.DiagnosticCodes;

namespace Bosporos.Scenarios.Tests;

/// <summary>One malformed input: bytes (and overrides), the code expected and where (Line 0: a --set diagnostic; -1: any place).</summary>
public sealed record BadCase(string Name, byte[] Bytes, string Code, int Line, int Column, IReadOnlyList<ScenarioOverride> Overrides);

/// <summary>The malformed corpus: mostly mutations of the valid fixture, each with the code and place it must produce.</summary>
internal static class MalformedCorpus
{
    public static readonly Lazy<IReadOnlyDictionary<string, BadCase>> Cases = new(Build);

    private static Dictionary<string, BadCase> Build()
    {
        var list = new List<BadCase>();

        // Replace `find` with `replace`; the error is expected at `focus` inside the replacement (its start if null).
        void M(string name, string find, string replace, string code, string? focus = null)
        {
            var text = Fixture.Replace(find, replace);
            var at = Fixture.Text.IndexOf(find, StringComparison.Ordinal) + (focus is null ? 0 : replace.IndexOf(focus, StringComparison.Ordinal));
            var (line, column) = Fixture.Position(text, at);
            list.Add(new BadCase(name, Encoding.UTF8.GetBytes(text), code, line, column, []));
        }

        // As M, with the focus found from the end of the replacement.
        void L(string name, string find, string replace, string code, string focus)
        {
            var text = Fixture.Replace(find, replace);
            var at = Fixture.Text.IndexOf(find, StringComparison.Ordinal) + replace.LastIndexOf(focus, StringComparison.Ordinal);
            var (line, column) = Fixture.Position(text, at);
            list.Add(new BadCase(name, Encoding.UTF8.GetBytes(text), code, line, column, []));
        }

        // Replace `find`; the error is expected at the first occurrence of `anchor` in the mutated text.
        void A(string name, string find, string replace, string code, string anchor)
        {
            var text = Fixture.Replace(find, replace);
            var (line, column) = Fixture.PositionOf(text, anchor);
            list.Add(new BadCase(name, Encoding.UTF8.GetBytes(text), code, line, column, []));
        }

        // Whole text; the error is expected at `anchor` (or 1:1 when null).
        void T(string name, string text, string code, string? anchor = null, int line = 0, int column = 0)
        {
            if (anchor is not null)
            {
                (line, column) = Fixture.PositionOf(text, anchor);
            }
            else if (line == 0)
            {
                (line, column) = (1, 1);
            }

            list.Add(new BadCase(name, Encoding.UTF8.GetBytes(text), code, line, column, []));
        }

        void B(string name, byte[] bytes, string code, int line, int column) => list.Add(new BadCase(name, bytes, code, line, column, []));

        void S(string name, string path, string value, string code) =>
            list.Add(new BadCase(name, Encoding.UTF8.GetBytes(Fixture.Text), code, 0, 0, [new ScenarioOverride(path, value)]));

        // Wrong types
        M("type-name-list", "name: Test siege of a small city", "name: [a, b]", WrongType, "[");
        M("type-calendar-scalar", "calendar: { start-year", "calendar: 626\nx: { start-year", WrongType, "626");
        M("type-neighbours-scalar", "neighbours: [city, camp]", "neighbours: city", WrongType, "city");
        M("type-strength-list", "strength: 3000,", "strength: [3000],", WrongType, "[");
        M("type-moat-number", "moat: true", "moat: 1", NotABoolean, "1");
        M("type-moat-yes", "moat: true", "moat: yes", NotABoolean, "yes");
        M("type-subject-yes", "subject: true", "subject: yes", NotABoolean, "yes");
        M("type-trap-quoted", "set-trap-if-signal-learned: true", "set-trap-if-signal-learned: \"true\"", NotABoolean, "\"");
        M("type-trap-capital", "set-trap-if-signal-learned: true", "set-trap-if-signal-learned: True", NotABoolean, "True");
        M("type-strength-word", "strength: 3000,", "strength: ten,", NotANumber, "ten");
        M("type-strength-quoted", "strength: 3000,", "strength: \"3000\",", NotANumber, "\"");
        M("type-value-underscore", "value: 12000", "value: 12_000", NotANumber, "12");
        M("type-hulls-fraction", "hulls: 40,", "hulls: 40.5,", NotANumber, "40");
        M("type-latitude-word", "latitude: 41.023", "latitude: north", NotANumber, "north");
        M("type-training-word", "training: 0.8", "training: high", NotANumber, "high");
        M("type-hex-number", "city-food-days: 90", "city-food-days: 0x5A", NotANumber, "0x");
        M("type-patrols-scalar", "patrols:\n      - { flotilla: galleys, zone: horn, hulls: 20 }\n      - { flotilla: galleys, zone: strait, hulls: 20 }", "patrols: none", WrongType, "none");
        M("type-route-scalar", "route: [strait]", "route: strait", WrongType, "strait");
        M("type-envoy-route-mapping", "envoy-route: [strait]", "envoy-route: { a: b }", WrongType, "{");
        M("type-engine-item-scalar", "- { id: city-engines, side: roman, kind: stone-thrower, count: 6, sector: west-wall }", "- city-engines", WrongType, "city");
        M("type-sources-list", "sources:\n  hurb:", "sources: [a]\nx:\n  hurb:", WrongType, "[");
        M("type-complex-key", "format: 1\n", "format: 1\n? [a, b]\n: 1\n", WrongType, "[");
        M("type-cited-value-list", "value: 12000", "value: [12000]", WrongType, "[");
        A("type-string-null", "name: Test siege of a small city", "name:", WrongType, "\nsources:");
        M("type-zone-name-mapping", "name: The city,", "name: { a: 1 },", WrongType, "{");
        M("type-khagan-mapping", "  khagan:\n", "  khagan: { a: 1 }\n  old-khagan:\n", WrongType, "{");

        // Citations
        M("cite-range-scalar", "range: [10000, 15000]", "range: 10000", BadCitation, "10000");
        M("cite-range-three", "range: [10000, 15000]", "range: [1, 2, 3]", BadCitation, "[");
        M("cite-range-word", "range: [10000, 15000]", "range: [low, 15000]", NotANumber, "low");
        M("cite-reliability", "reliability: C", "reliability: X", BadCitation, "X");
        M("cite-unknown-key", "note: the figure", "notes: the figure", UnknownKey, "notes");
        A("cite-missing-value", "value: 12000\n      ", string.Empty, MissingKey, "source: hurb");
        M("cite-range-nan", "range: [10000, 15000]", "range: [.nan, 15000]", NotFinite, ".nan");

        // Unknown keys
        M("unknown-strenght", "strength: 3000,", "strenght: 3000,", UnknownKey, "strenght");
        M("unknown-top-level", "calendar: {", "calender: {", UnknownKey, "calender");
        M("unknown-law", "  law: mixed", "  lawx: mixed", UnknownKey, "lawx");
        M("unknown-naval-key", "  reference-galleys: 10", "  speed: 3\n  reference-galleys: 10", UnknownKey, "speed");
        M("unknown-patrol-key", "zone: horn, hulls: 20 }", "zone: horn, hulls: 20, ships: 3 }", UnknownKey, "ships");
        M("unknown-zone-key", "kind: city,", "kind: city, height: 5,", UnknownKey, "height");
        M("unknown-step-key", "{ action: build-engines, when: host-assembled }", "{ action: build-engines, when: host-assembled, from-day: 3 }", UnknownKey, "from-day");
        M("unknown-withdrawal-key", "    main-army-day: 1", "    main-army-day: 1\n    give-up: true", UnknownKey, "give-up");

        // Duplicate keys
        M("duplicate-name", "name: Test siege of a small city\n", "name: Test siege of a small city\nname: Again\n", DuplicateKey, "name: Again");
        M("duplicate-flow-id", "{ id: west-wall, name: West wall,", "{ id: west-wall, id: west-wall, name: West wall,", DuplicateKey, "id: west-wall, name");
        M("duplicate-law", "  law: mixed\n", "  law: mixed\n  law: square\n", DuplicateKey, "law: square");
        L("duplicate-format", "format: 1\n", "format: 1\nformat: 1\n", DuplicateKey, "format");
        M("duplicate-cited-key", "source: hurb", "source: hurb\n      source: chp", DuplicateKey, "source: chp");

        // Missing required keys
        A("missing-format", "format: 1\n", string.Empty, MissingKey, "id: test-siege");
        A("missing-training", "training: 0.8\n    ", string.Empty, MissingKey, "id: field-troops");
        A("missing-zone-kind", ", kind: land-wall", string.Empty, MissingKey, "{ id: west-wall");
        A("missing-law", "  law: mixed\n", string.Empty, MissingKey, "defender-lethality");
        A("missing-persian-contingent", "  persian-contingent: persians\n", string.Empty, MissingKey, "envoy-boats");
        A("missing-step-action", "{ action: build-engines, when: host-assembled }", "{ when: host-assembled }", MissingKey, "{ when: host-assembled }");
        A("missing-patrol-hulls", "zone: strait, hulls: 20 }", "zone: strait }", MissingKey, "{ flotilla: galleys, zone: strait }");
        A("missing-diplomacy", "diplomacy:\n  envoy-boats: 3", "old:\n  envoy-boats: 3", MissingKey, "format: 1");
        A("missing-calendar-horizon", ", horizon-days: 60 }", " }", MissingKey, "{ start-year");

        // NaN and infinities
        M("nan-strength", "strength: 3000,", "strength: .nan,", NotFinite, ".nan");
        M("inf-strength", "strength: 3000,", "strength: .inf,", NotFinite, ".inf");
        M("neg-inf-latitude", "latitude: 41.023", "latitude: -.inf", NotFinite, "-.inf");
        M("nan-training-capital", "training: 0.8", "training: .NaN", NotFinite, ".NaN");
        M("inf-cited-value", "value: 12000", "value: .Inf", NotFinite, ".Inf");
        M("nan-word-ratio", "darkness: 0.3", "darkness: NaN", NotFinite, "NaN");
        M("infinity-word", "city-food-days: 90", "city-food-days: Infinity", NotFinite, "Infinity");

        // Negative
        M("negative-strength", "strength: 3000,", "strength: -3000,", Negative, "-3000");
        M("negative-hulls", "hulls: 40,", "hulls: -1,", Negative, "-1");
        M("negative-count", "count: 12,", "count: -2,", Negative, "-2");
        M("negative-food", "city-food-days: 90", "city-food-days: -5", Negative, "-5");
        M("negative-forage", "forage-pool-man-days: 900000", "forage-pool-man-days: -1", Negative, "-1");
        M("negative-arrival", "arrival-day: 1,", "arrival-day: -1,", Negative, "-1");
        M("negative-hold-hours", "hold-hours: 6", "hold-hours: -6", Negative, "-6");

        // Huge
        M("huge-strength-1e308", "strength: 3000,", "strength: 1e308,", NumberOutOfRange, "1e308");
        M("huge-strength-10e12", "strength: 3000,", "strength: 1000000000000,", NumberOutOfRange, "1000000000000");
        M("huge-strength-cap", "strength: 3000,", "strength: 2000000,", AboveCap, "2000000");
        M("huge-cited-strength", "value: 12000", "value: 5000000", AboveCap, "5000000");
        M("huge-hulls", "hulls: 300,", "hulls: 20000,", AboveCap, "20000");
        M("huge-forage-cap", "forage-pool-man-days: 900000", "forage-pool-man-days: 10000000000000", AboveCap, "1");
        M("huge-forage-overflow", "forage-pool-man-days: 900000", "forage-pool-man-days: 1e30", NumberOutOfRange, "1e30");
        M("huge-latitude", "latitude: 41.023", "latitude: 1e10", NumberOutOfRange, "1e10");
        M("huge-ratio", "training: 0.8", "training: 500000", NumberOutOfRange, "500000");
        M("huge-exponent", "cistern-days: 60", "cistern-days: 1e999999", NumberOutOfRange, "1e");

        // Enums
        M("enum-side", "side: roman, people: roman, troop: sailor", "side: romans, people: roman, troop: sailor", UnknownEnumValue, "romans");
        M("enum-zone-kind", "kind: land-wall", "kind: landwall", UnknownEnumValue, "landwall");
        M("enum-troop", "troop: horse-archer", "troop: cavalry", UnknownEnumValue, "cavalry");
        M("enum-law", "law: mixed", "law: cubic", UnknownEnumValue, "cubic");
        M("enum-action", "action: blockade", "action: assault", UnknownEnumValue, "assault");
        M("enum-craft", "craft: galley", "craft: trireme", UnknownEnumValue, "trireme");
        M("enum-engine-kind", "kind: siege-tower", "kind: catapult", UnknownEnumValue, "catapult");
        M("enum-pascal-case", "role: garrison", "role: Garrison", UnknownEnumValue, "Garrison");
        M("enum-list", "people: slav", "people: [slav]", UnknownEnumValue, "[");
        M("enum-empty", "role: ally", "role: ~", UnknownEnumValue, "~");

        // Dangling references
        M("ref-contingent-zone", "morale: 0.6, zone: city }", "morale: 0.6, zone: citty }", UnknownReference, "citty");
        M("ref-flotilla-station", "station: horn }", "station: harbour }", UnknownReference, "harbour");
        M("ref-wall-sector-zone", "  - zone: west-wall", "  - zone: west-wal", UnknownReference, "west-wal");
        M("ref-neighbour", "neighbours: [city, camp]", "neighbours: [city, kamp]", UnknownReference, "kamp");
        M("ref-patrol-zone", "zone: horn, hulls: 20 }", "zone: hornn, hulls: 20 }", UnknownReference, "hornn");
        M("ref-patrol-flotilla", "{ flotilla: galleys, zone: horn", "{ flotilla: galley, zone: horn", UnknownReference, "galley");
        M("ref-plan-route", "route: [strait, horn]", "route: [strait, hron]", UnknownReference, "hron");
        M("ref-plan-target", "target: west-wall", "target: east-wall", UnknownReference, "east-wall");
        M("ref-plan-target-not-sector", "target: west-wall", "target: city", UnknownReference, "city");
        M("ref-plan-flotilla", "flotilla: canoes, route: [strait] }", "flotilla: kanoes, route: [strait] }", UnknownReference, "kanoes");
        M("ref-signal-zone", "signal-zone: west-wall", "signal-zone: hill", UnknownReference, "hill");
        M("ref-landing-zone", "landing-zone: camp", "landing-zone: beach", UnknownReference, "beach");
        L("ref-sea-lane", "sea-lane-zone: horn", "sea-lane-zone: sea", UnknownReference, "sea");
        L("ref-persian-contingent", "persian-contingent: persians", "persian-contingent: persian", UnknownReference, "persian");
        M("ref-flotilla-crew", "crew: sailors,", "crew: sailor,", UnknownReference, "sailor");
        M("ref-engine-sector", "count: 6, sector: west-wall", "count: 6, sector: city", UnknownReference, "city");
        M("ref-envoy-route", "envoy-route: [strait]", "envoy-route: [straits]", UnknownReference, "straits");

        // Duplicate and malformed ids
        M("dup-zone-id", "{ id: camp, name: The camp", "{ id: city, name: The camp", DuplicateId, "city");
        M("dup-contingent-id", "{ id: slavs,", "{ id: host,", DuplicateId, "host");
        M("dup-flotilla-id", "{ id: canoes,", "{ id: galleys,", DuplicateId, "galleys");
        M("dup-engine-id", "{ id: towers,", "{ id: stones,", DuplicateId, "stones");
        M("dup-wall-sector-zone", "{ zone: north-wall, length-metres: 900", "{ zone: west-wall, length-metres: 900", DuplicateId, "west-wall");
        M("bad-scenario-id", "id: test-siege", "id: Test Siege", BadId, "Test");
        M("bad-zone-id", "{ id: far-shore, name: Far shore", "{ id: far.shore, name: Far shore", BadId, "far.shore");

        // Days and hours
        M("condition-unknown", "when: engines-ready,", "when: engines-reddy,", UnknownEnumValue, "engines-reddy");
        M("days-after-negative", "days-after: 2,", "days-after: -2,", Negative, "-2");
        M("hour-25", "start-hour: 5, end-hour: 17", "start-hour: 25, end-hour: 17", BadHours, "25");
        M("hour-negative", "start-hour: 1, end-hour: 4", "start-hour: 1, end-hour: -1", BadHours, "-1");
        M("hours-reversed", "start-hour: 5, end-hour: 17", "start-hour: 17, end-hour: 5", BadHours, "5");
        L("hours-equal", "start-hour: 5, end-hour: 17", "start-hour: 17, end-hour: 17", BadHours, "17");
        L("hours-reversed-combined", "{ action: combined-attack, when: signal-agreed,", "{ action: combined-attack, when: signal-agreed, start-hour: 20,", BadHours, "{");
        M("shoot-hours-reversed", "shoot-until-hour: 18", "shoot-until-hour: 5", BadHours, "5");
        M("shoot-until-30", "shoot-until-hour: 18", "shoot-until-hour: 30", BadHours, "30");

        // Dates and horizon
        M("month-13", "start-month: 6", "start-month: 13", BadDate, "13");
        M("month-0", "start-month: 6", "start-month: 0", BadDate, "0");
        M("june-31", "start-day: 29", "start-day: 31", BadDate, "31");
        M("feb-29-non-leap", "start-month: 6, start-day: 29", "start-month: 2, start-day: 29", BadDate, "29");
        M("year-0", "start-year: 626", "start-year: 0", BadDate, "0");
        M("horizon-0", "horizon-days: 60", "horizon-days: 0", BadHorizon, "0");
        M("horizon-4000", "horizon-days: 60", "horizon-days: 4000", BadHorizon, "4000");
        M("arrival-beyond-horizon", "arrival-day: 1,", "arrival-day: 61,", BeyondHorizon, "61");
        M("flotilla-arrival-beyond", "arrival-day: 2 }", "arrival-day: 100 }", BeyondHorizon, "100");
        M("plan-day-beyond", "days-after: 1,", "days-after: 70,", BeyondHorizon, "70");

        // Ratios
        M("ratio-training-1.5", "training: 0.8", "training: 1.5", RatioOutOfRange, "1.5");
        M("ratio-armour-negative", "armour: 0.6", "armour: -0.1", RatioOutOfRange, "-0.1");
        M("ratio-morale-2", "morale: 0.7\n", "morale: 2\n", RatioOutOfRange, "2");
        M("ratio-intercept", "intercept-by-day: 0.6", "intercept-by-day: 1.01", RatioOutOfRange, "1.01");
        M("ratio-wide-bonus", "wall-fire-bonus: 1.5", "wall-fire-bonus: 150", RatioOutOfRange, "150");
        M("ratio-integrity", "integrity: 0.9", "integrity: 1.1", RatioOutOfRange, "1.1");
        M("ratio-willingness", "persian-willingness: 0.8", "persian-willingness: 3", RatioOutOfRange, "3");
        L("ratio-lethality-negative", "defender-lethality: 0.004", "defender-lethality: -0.004", RatioOutOfRange, "-");

        // Decimals
        M("decimals-training", "training: 0.8", "training: 0.12345", TooManyDecimals, "0.12345");
        M("decimals-latitude", "latitude: 41.023", "latitude: 41.0234567", TooManyDecimals, "41");
        M("decimals-darkness", "darkness: 0.3", "darkness: 0.333333", TooManyDecimals, "0.333333");

        // Walls, coordinates, cited ranges
        A("wall-on-water", "kind: sea-wall", "kind: water", NotAWall, "north-wall, length-metres");
        M("wall-on-city", "{ zone: north-wall, length-metres: 900", "{ zone: city, length-metres: 900", NotAWall, "city");
        M("latitude-95", "latitude: 41.023", "latitude: 95", BadCoordinate, "95");
        M("longitude-200", "longitude: 28.928", "longitude: -200", BadCoordinate, "-200");
        A("outside-cited-range", "range: [10000, 15000]", "range: [13000, 15000]", OutsideCitedRange, "12000");
        M("cited-range-reversed", "range: [10000, 15000]", "range: [15000, 10000]", OutsideCitedRange, "[");

        // Anchors, aliases, tags
        M("anchor", "calendar: { start-year", "calendar: &cal { start-year", AnchorOrAlias, "&cal");
        M("alias", "name: Test siege of a small city", "name: *nothing", AnchorOrAlias, "*nothing");
        M("anchor-on-scalar", "training: 0.8", "training: &t 0.8", AnchorOrAlias, "&t");
        T("billion-laughs", BillionLaughs(), AnchorOrAlias, "&a");
        M("tag-int", "strength: 3000,", "strength: !!int 3000,", Tag, "!!int");
        M("tag-custom", "name: Test siege", "name: !custom Test siege", Tag, "!custom");
        M("tag-map", "calendar: { start-year", "calendar: !!map { start-year", Tag, "!!map");
        M("tag-python", "name: Test siege of a small city", "name: !!python/object:os.system x", Tag, "!!python");

        // Limits
        T("deep-flow-10000", "format: 1\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n", TooDeep, null, 2, 3 + 64);
        T("deep-mapping-70", DeepMapping(70), TooDeep, null, 65, 1 + (2 * 64));
        T("deep-block-sequence-10000", "format: 1\nx:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "1\n", TooDeep, null, 3, 1 + (2 * 63));
        T("deep-flow-mapping-10000", "format: 1\nx: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000) + "\n", TooDeep, null, 2, 4 + (4 * 63));
        T("nodes-100001", "format: 1\nx: [" + string.Join(',', Enumerable.Repeat("0", 100_001)) + "]\n", TooManyNodes, null, 2, 5 + (2 * (100_001 - 6)));
        M("scalar-70k", "name: Test siege of a small city", "name: " + new string('x', 70 * 1024), ScalarTooLong, "xx");
        B("size-2mib", Encoding.UTF8.GetBytes(Fixture.Text + "# " + new string('x', 2 * 1024 * 1024) + "\n"), FileTooLarge, 1, 1);

        // Bytes
        var bad = Encoding.UTF8.GetBytes(Fixture.Text);
        var nameAt = Fixture.Text.IndexOf("Test siege", StringComparison.Ordinal);
        var (nameLine, nameColumn) = Fixture.Position(Fixture.Text, nameAt);
        B("utf8-ff", Patch(bad, nameAt, 0xFF), InvalidUtf8, nameLine, nameColumn);
        B("utf8-overlong", Patch(bad, nameAt, 0xC0, 0xAF), InvalidUtf8, nameLine, nameColumn);
        B("utf8-truncated-at-end", [.. bad, 0xE2, 0x82], InvalidUtf8, Fixture.Text.Count(c => c == '\n') + 1, 1);
        B("utf8-surrogate", Patch(bad, nameAt, 0xED, 0xA0, 0x80), InvalidUtf8, nameLine, nameColumn);
        B("nul-byte", Patch(bad, nameAt, 0x00), NulByte, nameLine, nameColumn);
        T("nul-at-start", "\0format: 1\n", NulByte, null, 1, 1);

        // Documents and syntax
        T("two-documents", "---\n" + Fixture.Text + "---\nformat: 1\n", MultipleDocuments, null, Fixture.Text.Count(c => c == '\n') + 2, 1);
        T("document-end-then-more", "format: 1\n...\n---\nid: x\n", MultipleDocuments, null, 3, 1);
        A("tab-indent", "  law: mixed", "\tlaw: mixed", YamlSyntax, "\tlaw");
        L("unclosed-bracket", "neighbours: [city, camp] }", "neighbours: [city, camp }", YamlSyntax, "}");
        A("unclosed-brace", "{ zone: north-wall, length-metres: 900, towers: 12, moat: false, outer-wall: true, inner-wall: false, integrity: 0.9 }", "{ zone: north-wall, length-metres: 900", YamlSyntax, "- { zone: north-wall");
        M("bad-indent", "    training: 0.8", "   training: 0.8", YamlSyntax, "training");
        M("unterminated-quote", "name: Test siege of a small city", "name: \"Test siege of a small city", YamlSyntax, "\"");
        T("empty-file", string.Empty, EmptyFile);
        T("only-comments", "# nothing here\n# at all\n", EmptyFile);
        T("only-bom", "\uFEFF", EmptyFile);
        T("list-not-mapping", "- format: 1\n- id: x\n", NotAMapping, "- format");
        T("scalar-not-mapping", "just a line of text\n", NotAMapping, "just");
        M("format-2", "format: 1", "format: 2", UnsupportedFormat, "2");
        M("format-quoted", "format: 1", "format: \"1\"", UnsupportedFormat, "\"");
        M("format-word", "format: 1", "format: one", UnsupportedFormat, "one");
        M("format-1.0", "format: 1", "format: 1.0", UnsupportedFormat, "1.0");

        // --set paths and values
        S("set-typo", "contingents.field-troops.strenght", "5", UnknownOverridePath);
        S("set-unknown-section", "contingent.field-troops.strength", "1", UnknownOverridePath);
        S("set-unknown-id", "contingents.nobody.strength", "1", UnknownOverridePath);
        S("set-index-out-of-range", "zones.99.name", "x", UnknownOverridePath);
        S("set-empty-path", string.Empty, "1", BadOverride);
        S("set-empty-segment", "combat..law", "mixed", BadOverride);
        S("set-inside-scalar", "combat.law.x", "1", UnknownOverridePath);
        S("set-not-a-number", "contingents.field-troops.strength", "abc", NotANumber);
        S("set-nan", "contingents.field-troops.strength", ".nan", NotFinite);
        S("set-bad-enum", "combat.law", "cubic", UnknownEnumValue);
        S("set-ratio-out-of-range", "contingents.field-troops.training", "1.5", RatioOutOfRange);
        S("set-bad-date", "calendar.start-day", "31", BadDate);
        S("set-value-syntax", "name", "[a", YamlSyntax);
        S("set-value-anchor", "name", "&a x", AnchorOrAlias);
        S("set-value-tag", "name", "!!str x", Tag);
        S("set-citation-source", "contingents.field-troops.strength.source", "x", UnknownOverridePath);
        S("set-step-out-of-range", "command.khagan.9.days-after", "1", UnknownOverridePath);
        S("set-wall-sector-by-zone", "wall-sectors.west-wall.towers", "3", UnknownOverridePath);
        S("set-dangling-ref", "contingents.host.zone", "nowhere", UnknownReference);
        S("set-absent-section", "siegecraft.x.y", "1", UnknownOverridePath);
        S("set-negative", "flotillas.galleys.hulls", "-4", Negative);
        S("set-bool", "wall-sectors.0.moat", "maybe", NotABoolean);

        return list.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    private static byte[] Patch(byte[] bytes, int at, params byte[] insert) => [.. bytes[..at], .. insert, .. bytes[at..]];

    private static string BillionLaughs()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var prev = (char)(c - 1);
            text.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }

        return text.ToString();
    }

    private static string DeepMapping(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append(' ', 2 * i).Append("a:\n");
        }

        text.Append(' ', 2 * depth).Append("b: 1\n");
        return text.ToString();
    }
}
