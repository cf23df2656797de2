using Bosporos.Analysis.Sensitivity;
using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Randomness;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Experiments;

/// <summary>A number sampled by an uncertainty or sensitivity experiment: uniform on [Low, High], integers rounded.</summary>
public sealed record SampledParameter(string Path, decimal Low, decimal High, decimal Nominal, bool Integer, int Decimals, string? Source, Reliability Reliability)
{
    /// <summary>The value at unit coordinate u (0 = low end, 1 = high end).</summary>
    public decimal ValueAt(double u)
    {
        var v = Low + ((decimal)Math.Clamp(u, 0, 1) * (High - Low));
        return Integer ? Math.Round(v, 0, MidpointRounding.AwayFromZero) : Math.Round(v, Decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The nominal (scenario) value as a unit coordinate.</summary>
    public double NominalUnit => High > Low ? Math.Clamp((double)((Nominal - Low) / (High - Low)), 0, 1) : 0.5;
}

/// <summary>
/// Which runs an experiment consists of and what each is: for run index k, its design point (parameter values) and
/// its seed. Paired and uncertainty runs use seed SplitMix64.Derive(masterSeed, k). Morris and Sobol designs evaluate
/// every design point with the same R seeds, Derive(masterSeed, r) for replicate r (common random numbers across
/// points, so differences between points are not swamped by dice); run k is point k / R, replicate k mod R.
/// </summary>
public sealed class RunPlan
{
    /// <summary>Salts of the analysis streams: none of them is ever a run's seed, so the inputs and the dice stay apart.</summary>
    public const ulong EpistemicSalt = 0x4550_4953_5445_4D31; // "EPISTEM1"

    public const ulong MorrisSalt = 0x4D4F_5252_4953_3031;

    public const ulong SobolSalt = 0x534F_424F_4C30_3031;

    public const ulong BootstrapSalt = 0x424F_4F54_5354_5231;

    private static readonly IReadOnlyDictionary<string, decimal> NoParameters = new Dictionary<string, decimal>();

    private readonly IReadOnlyDictionary<string, decimal>[] pointParameters;

    private RunPlan(ExperimentDefinition experiment, IReadOnlyList<Metric> outputs, IReadOnlyList<IReadOnlyList<ScenarioOverride>> variantOverrides, IReadOnlyList<SampledParameter> parameters, double[][] points, int seedsPerPoint)
    {
        Experiment = experiment;
        Outputs = outputs;
        VariantOverrides = variantOverrides;
        Parameters = parameters;
        UnitPoints = points;
        SeedsPerPoint = seedsPerPoint;
        pointParameters = new IReadOnlyDictionary<string, decimal>[Math.Max(1, points.Length)];
        for (var p = 0; p < pointParameters.Length; p++)
        {
            pointParameters[p] = points.Length == 0 ? NoParameters : parameters.Select((s, i) => (s.Path, Value: s.ValueAt(points[p][i]))).ToDictionary(x => x.Path, x => x.Value, StringComparer.Ordinal);
        }

        RunCount = experiment.Mode == ExperimentMode.Paired ? experiment.Runs ?? 0 : (long)Math.Max(1, points.Length) * seedsPerPoint;
    }

    /// <summary>The experiment, its <see cref="ExperimentDefinition.Outputs"/> resolved for the scenario's kind.</summary>
    public ExperimentDefinition Experiment { get; }

    /// <summary>The outputs analysed, from the scenario's catalog (a siege's or a war's), in the experiment's order.</summary>
    public IReadOnlyList<Metric> Outputs { get; }

    public IReadOnlyList<string> Variants => Experiment.VariantNames;

    /// <summary>Per variant (baseline first): the experiment's baseline overrides, then the variant's own.</summary>
    public IReadOnlyList<IReadOnlyList<ScenarioOverride>> VariantOverrides { get; }

    public IReadOnlyList<SampledParameter> Parameters { get; }

    /// <summary>Design points in the unit cube (empty in paired mode).</summary>
    public double[][] UnitPoints { get; }

    public int SeedsPerPoint { get; }

    public long RunCount { get; }

    public MorrisDesign? Morris { get; private init; }

    public SaltelliDesign? Saltelli { get; private init; }

    public TornadoDesign? Tornado { get; private init; }

    /// <summary>Index of the tornado's first point (after the Morris or Saltelli points).</summary>
    public int TornadoOffset { get; private init; }

    public int PointCount => Math.Max(1, UnitPoints.Length);

    public int PointOf(long runIndex) => Experiment.Mode == ExperimentMode.Paired ? 0 : (int)(runIndex / SeedsPerPoint);

    /// <remarks>
    /// In a branch experiment the replay's seed is fixed and run k's dice are keyed by the sample key k (the kernel's
    /// <c>Simulation.Fork(sampleKey)</c>): its "seed" is that key.
    /// </remarks>
    public ulong SeedOf(long runIndex) => Experiment.Branch is not null ? (ulong)runIndex : SplitMix64.Derive(Experiment.MasterSeed, (ulong)SeedIndexOf(runIndex));

    /// <summary>The seed's index i in SplitMix64.Derive(masterSeed, i): k, or the replicate k mod R in Morris and Sobol designs.</summary>
    public long SeedIndexOf(long runIndex) => Experiment.Mode is ExperimentMode.Morris or ExperimentMode.Sobol ? runIndex % SeedsPerPoint : runIndex;

    public IReadOnlyDictionary<string, decimal> ParametersAt(int point) => pointParameters[point];

    /// <summary>The parameter values a run of this variant at this point really used (explicit overrides win).</summary>
    public IReadOnlyDictionary<string, decimal> ParametersUsed(int variant, int point)
    {
        var values = pointParameters[point];
        var fixedHere = VariantOverrides[variant].Where(o => values.ContainsKey(o.Path)).ToList();
        if (fixedHere.Count == 0)
        {
            return values;
        }

        var copy = new Dictionary<string, decimal>(values, StringComparer.Ordinal);
        foreach (var o in fixedHere)
        {
            if (decimal.TryParse(o.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                copy[o.Path] = v;
            }
            else
            {
                copy.Remove(o.Path);
            }
        }

        return copy;
    }

    /// <summary>Overrides of one run configuration: variant overrides, then the design point's parameter values.</summary>
    /// <remarks>The design point's values come first, so a value the experiment fixes explicitly (baseline or variant) wins.</remarks>
    public IReadOnlyList<ScenarioOverride> OverridesFor(int variant, int point)
    {
        var list = new List<ScenarioOverride>();
        foreach (var (path, value) in ParametersAt(point))
        {
            list.Add(new ScenarioOverride(path, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        list.AddRange(VariantOverrides[variant]);
        return list;
    }

    public int VariantIndex(string name)
    {
        for (var i = 0; i < Variants.Count; i++)
        {
            if (Variants[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Builds the plan, resolving the sampled parameters against the scenario's cited numbers.</summary>
    public static RunPlan? Build(ExperimentDefinition experiment, ISiegeModel model, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var outputs = ResolveOutputs(experiment, model, diagnostics);
        if (outputs is null)
        {
            return null;
        }

        experiment = experiment with { Outputs = [.. outputs.Select(m => m.Name)] };
        var overrides = new List<IReadOnlyList<ScenarioOverride>> { experiment.Baseline };
        overrides.AddRange(experiment.Variants.Select(v => (IReadOnlyList<ScenarioOverride>)[.. experiment.Baseline, .. v.Overrides]));
        if (experiment.Mode == ExperimentMode.Paired)
        {
            return new RunPlan(experiment, outputs, overrides, [], [], 1);
        }

        var parameters = ResolveParameters(experiment, model, diagnostics);
        if (parameters is null)
        {
            return null;
        }

        var sampled = parameters.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, line, column, set) in experiment.Variants.Select(v => (v.Name, v.Line, v.Column, v.Overrides)).Prepend((ExperimentDefinition.BaselineName, 1, 1, experiment.Baseline)))
        {
            foreach (var o in set.Where(o => sampled.Contains(o.Path)))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "BOSX063", experiment.File, line, column, o.Path,
                    $"'{o.Path}' is both sampled and set to {o.Value} in {name}: the set value is used in every run of {name}.",
                    "Leave it out of 'parameters' if it should not vary."));
            }
        }

        var d = parameters.Count;
        var seed = experiment.MasterSeed;
        switch (experiment.Mode)
        {
            case ExperimentMode.Uncertainty:
                {
                    var u = experiment.Uncertainty;
                    var points = LatinHypercube.Sample(u.Draws, d, seed, EpistemicSalt);
                    return new RunPlan(experiment, outputs, overrides, parameters, points, u.SeedsPerDraw);
                }

            case ExperimentMode.Morris:
                {
                    var m = experiment.Morris;
                    var design = MorrisDesign.Generate(m.Trajectories, d, m.Levels, UnitUniform.Stream(seed, MorrisSalt));
                    var tornado = TornadoDesign.Generate(parameters.Select(p => p.NominalUnit).ToArray());
                    return new RunPlan(experiment, outputs, overrides, parameters, [.. design.Points, .. tornado.Points], m.SeedsPerPoint)
                    {
                        Morris = design,
                        Tornado = tornado,
                        TornadoOffset = design.Points.Length,
                    };
                }

            default:
                {
                    var s = experiment.Sobol;
                    var design = SaltelliDesign.Generate(s.BaseSamples, d, UnitUniform.Stream(seed, SobolSalt));
                    var tornado = TornadoDesign.Generate(parameters.Select(p => p.NominalUnit).ToArray());
                    return new RunPlan(experiment, outputs, overrides, parameters, [.. design.Points, .. tornado.Points], s.SeedsPerPoint)
                    {
                        Saltelli = design,
                        Tornado = tornado,
                        TornadoOffset = design.Points.Length,
                    };
                }
        }
    }

    /// <summary>
    /// The outputs the experiment names, each looked up in the scenario's catalog (a siege's or a war's), or that
    /// catalog's defaults when it names none. A name of the other kind of scenario is an error (BOSX064) at its place.
    /// </summary>
    private static List<Metric>? ResolveOutputs(ExperimentDefinition experiment, ISiegeModel model, List<Diagnostic> diagnostics)
    {
        var catalog = model.Outputs;
        if (experiment.OutputSpecs is not { } specs)
        {
            return [.. catalog.Defaults.Select(n => catalog.Find(n)!)];
        }

        var result = new List<Metric>();
        var errors = diagnostics.Count;
        foreach (var spec in specs)
        {
            if (catalog.Find(spec.Name) is { } metric)
            {
                result.Add(metric);
                continue;
            }

            var other = catalog.Kind == "war" ? "siege" : "war";
            diagnostics.Add(YamlTree.Error(experiment.File, spec.Line, spec.Column, "BOSX064",
                $"'{spec.Name}' is an output of {other} scenarios, and '{model.ScenarioId}' is a {catalog.Kind} scenario.",
                $"Outputs of a {catalog.Kind} scenario: {catalog.NameList}.", "outputs"));
        }

        return diagnostics.Count > errors ? null : result;
    }

    private static List<SampledParameter>? ResolveParameters(ExperimentDefinition experiment, ISiegeModel model, List<Diagnostic> diagnostics)
    {
        var byPath = new Dictionary<string, CitedNumber>(StringComparer.Ordinal);
        foreach (var n in model.Numbers)
        {
            byPath.TryAdd(n.Path, n);
        }

        var result = new List<SampledParameter>();
        var errors = diagnostics.Count;
        if (experiment.Parameters is null)
        {
            foreach (var n in model.Numbers.Where(n => n.RangeLow is not null && n.RangeHigh is not null && n.RangeLow < n.RangeHigh))
            {
                if (!result.Any(r => r.Path == n.Path))
                {
                    result.Add(Make(n, n.RangeLow!.Value, n.RangeHigh!.Value, null));
                }
            }

            if (result.Count == 0)
            {
                diagnostics.Add(YamlTree.Error(experiment.File, 1, 1, "BOSX060", $"The scenario '{model.ScenarioId}' has no number with a range, so there is nothing to sample.", "List parameters with explicit ranges: parameters: [{ path: …, range: [low, high] }].", "parameters"));
                return null;
            }

            return result;
        }

        foreach (var spec in experiment.Parameters)
        {
            if (!byPath.TryGetValue(spec.Path, out var n))
            {
                var close = ExperimentLoader.Closest(spec.Path, byPath.Keys);
                diagnostics.Add(YamlTree.Error(experiment.File, spec.Line, spec.Column, "BOSX061", $"The scenario has no number at '{spec.Path}'.", close is null ? "Numbers are addressed like contingents.field-troops.strength." : $"Did you mean '{close}'?", "parameters"));
                continue;
            }

            var lo = spec.Low ?? n.RangeLow;
            var hi = spec.High ?? n.RangeHigh;
            if (lo is null || hi is null)
            {
                diagnostics.Add(YamlTree.Error(experiment.File, spec.Line, spec.Column, "BOSX062", $"'{spec.Path}' has no range in the scenario, so it cannot be sampled.", $"Give one here: {{ path: {spec.Path}, range: [low, high] }}, or add a cited range to the scenario.", "parameters"));
                continue;
            }

            if (lo >= hi)
            {
                diagnostics.Add(YamlTree.Error(experiment.File, spec.Line, spec.Column, "BOSX062", $"The range of '{spec.Path}' is empty ([{lo}, {hi}]).", "Low must be below high.", "parameters"));
                continue;
            }

            result.Add(Make(n, lo.Value, hi.Value, spec.Integer));
        }

        return diagnostics.Count > errors ? null : result;
    }

    private static SampledParameter Make(CitedNumber n, decimal lo, decimal hi, bool? integer)
    {
        var scale = Math.Max(n.Value.Scale, Math.Max(lo.Scale, hi.Scale));
        var isInteger = integer ?? scale == 0;
        return new SampledParameter(n.Path, lo, hi, n.Value, isInteger, Math.Min(4, scale + 2), n.Source, n.Reliability);
    }
}
