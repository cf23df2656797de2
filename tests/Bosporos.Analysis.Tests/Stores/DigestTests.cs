using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Stores;

public class DigestTests
{
    private static readonly RunRecord Row = SyntheticRuns.Row("baseline", 7, withParameters: true);

    [Fact]
    public void Digest_is_lowercase_hex_sha256()
    {
        var digest = ExperimentDigest.Compute([Row]);
        Assert.True(ExperimentDigest.IsWellFormed(digest), digest);
        Assert.Equal(ExperimentDigest.Compute([]), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([])));
        Assert.False(ExperimentDigest.IsWellFormed(digest.ToUpperInvariant()));
        Assert.False(ExperimentDigest.IsWellFormed(null));
    }

    public static TheoryData<string> Changes => new()
    {
        "variant", "run_index", "seed", "outcome", "cause", "end_hour", "close_siege_days", "persians_ferried",
        "assault_attacker_losses", "assault_defender_losses", "canoes_launched", "canoes_lost", "engines_lost",
        "towers_burned", "roman_losses", "host_losses", "persian_losses", "min_wall_integrity_permille",
        "envoys_caught", "signal_learned", "state_hash", "parameter value", "parameter path", "parameter added",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_field_changes_the_digest(string change)
    {
        var changed = change switch
        {
            "variant" => Row with { Variant = "baseline2" },
            "run_index" => Row with { RunIndex = Row.RunIndex + 1 },
            "seed" => Row with { Seed = Row.Seed ^ 1 },
            "outcome" => Row with { Outcome = Row.Outcome + "x" },
            "cause" => Row with { Cause = Row.Cause + "x" },
            "end_hour" => Row with { EndHour = Row.EndHour + 1 },
            "close_siege_days" => Row with { CloseSiegeDays = Row.CloseSiegeDays + 1 },
            "persians_ferried" => Row with { PersiansFerried = Row.PersiansFerried + 1 },
            "assault_attacker_losses" => Row with { AssaultAttackerLosses = Row.AssaultAttackerLosses + 1 },
            "assault_defender_losses" => Row with { AssaultDefenderLosses = Row.AssaultDefenderLosses + 1 },
            "canoes_launched" => Row with { CanoesLaunched = Row.CanoesLaunched + 1 },
            "canoes_lost" => Row with { CanoesLost = Row.CanoesLost + 1 },
            "engines_lost" => Row with { EnginesLost = Row.EnginesLost + 1 },
            "towers_burned" => Row with { TowersBurned = Row.TowersBurned + 1 },
            "roman_losses" => Row with { RomanLosses = Row.RomanLosses + 1 },
            "host_losses" => Row with { HostLosses = Row.HostLosses + 1 },
            "persian_losses" => Row with { PersianLosses = Row.PersianLosses + 1 },
            "min_wall_integrity_permille" => Row with { MinWallIntegrityPermille = Row.MinWallIntegrityPermille + 1 },
            "envoys_caught" => Row with { EnvoysCaught = !Row.EnvoysCaught },
            "signal_learned" => Row with { SignalLearned = !Row.SignalLearned },
            "state_hash" => Row with { StateHash = Row.StateHash ^ (1UL << 40) },
            "parameter value" => Row with { Parameters = Row.Parameters.ToDictionary(p => p.Key, p => p.Value + 0.0001m) },
            "parameter path" => Row with { Parameters = Row.Parameters.ToDictionary(p => p.Key + "x", p => p.Value) },
            "parameter added" => Row with { Parameters = new Dictionary<string, decimal>(Row.Parameters) { ["z"] = 0m } },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.NotEqual(ExperimentDigest.Compute([Row]), ExperimentDigest.Compute([changed]));
    }

    [Fact]
    public void Row_order_matters_but_parameter_order_and_decimal_scale_do_not()
    {
        var other = SyntheticRuns.Row("baseline", 8);
        Assert.NotEqual(ExperimentDigest.Compute([Row, other]), ExperimentDigest.Compute([other, Row]));

        var a = Row with { Parameters = new Dictionary<string, decimal> { ["a"] = 0.35m, ["b"] = 2m } };
        var b = Row with { Parameters = new Dictionary<string, decimal> { ["b"] = 2.000m, ["a"] = 0.3500m } };
        Assert.Equal(ExperimentDigest.Compute([a]), ExperimentDigest.Compute([b]));
    }

    [Fact]
    public void Text_fields_are_length_prefixed_so_boundaries_cannot_shift()
    {
        var a = Row with { Outcome = "ab", Cause = "c" };
        var b = Row with { Outcome = "a", Cause = "bc" };
        Assert.NotEqual(ExperimentDigest.Compute([a]), ExperimentDigest.Compute([b]));
    }

    [Fact]
    public void The_encoding_is_frozen()
    {
        // A published digest must stay valid: this value pins the encoding. Change it only together with a
        // deliberate, documented change of the encoding (every earlier digest then stops matching).
        var rows = new[]
        {
            new RunRecord("baseline", 0, 1, "lifted", "wall-held", 2880, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 950, true, false, 42,
                new Dictionary<string, decimal>()),
            new RunRecord("no-signal", 0, 1, "fallen", "horizon", 24, 1, 4000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, true, ulong.MaxValue,
                new Dictionary<string, decimal> { ["combat.defender-lethality"] = 0.35m }),
        };
        Assert.Equal(FrozenDigest, ExperimentDigest.Compute(rows));
    }

    // Computed outside .NET, by a few lines of Python (struct + hashlib) following the encoding in ExperimentDigest's remarks.
    private const string FrozenDigest = "c4c54c5b020b5c55c3d4618105e8891710962916278a46eebda8eab5d4e83b3c";
}
