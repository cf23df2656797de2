using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Bosporos.Kernel;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Experiments;

internal static class ExperimentEndpoints
{
    private static readonly Outcome[] Outcomes = [Outcome.Lifted, Outcome.Fallen, Outcome.Negotiated, Outcome.Undecided];

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/experiments", (ExperimentStore store) => TypedResults.Ok(store.List()));
        app.MapPost("/api/experiments", StartAsync);
        app.MapPost("/api/experiments/branch", BranchEndpoint.StartAsync);
        app.MapGet("/api/experiments/{id}/report", ReportAsync);
        app.MapGet("/api/experiments/{id}/progress", Progress);
        app.MapGet("/api/experiments/{id}", Results);
        app.MapGet("/api/experiments/{id}/runs.csv", CsvAsync);
        app.MapGet("/api/experiments/{id}/runs.parquet", ParquetAsync);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, IScenarioSource source, ExperimentStore store, WebOptions options)
    {
        var (body, problem) = await WebJson.ReadAsync<ExperimentRequest>(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (!ScenarioIds.IsValid(body.Scenario))
        {
            return ApiProblems.BadRequest("'scenario' must be a scenario id: lower-case letters, digits and hyphens, e.g. constantinople-626.");
        }

        var variants = body.Variants is { Count: > 0 } ? body.Variants : [new VariantRequest { Name = "as written" }];
        var missing = variants.FindIndex(v => v is null);
        if (missing >= 0)
        {
            return ApiProblems.BadRequest($"variants[{missing}] is null: each variant is an object such as {{\"name\":\"no fleet\",\"overrides\":{{\"path\":0}}}}.");
        }

        if (variants.Count > options.MaxVariants)
        {
            return ApiProblems.Unprocessable($"At most {options.MaxVariants} variants per experiment.");
        }

        if (body.Runs < 1 || (long)body.Runs * variants.Count > options.MaxRunsPerExperiment)
        {
            return ApiProblems.Unprocessable(
                $"An experiment runs 1 to {options.MaxRunsPerExperiment:N0} sieges in all (runs × variants); this one asks for {(long)body.Runs * variants.Count:N0}.");
        }

        var baseline = source.Load(body.Scenario!, []);
        if (baseline is null)
        {
            return ApiProblems.NotFound($"No scenario with id '{body.Scenario}'.");
        }

        var built = new List<Variant>(variants.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in variants)
        {
            var name = string.IsNullOrWhiteSpace(v.Name) ? $"variant {built.Count + 1}" : v.Name.Trim();
            if (name.Length > 80 || !names.Add(name))
            {
                return ApiProblems.BadRequest($"Variant names must be unique and at most 80 characters ('{name[..Math.Min(name.Length, 80)]}').");
            }

            var (overrides, error) = Overrides.Parse(v.Overrides);
            if (error is not null)
            {
                return ApiProblems.BadRequest(error);
            }

            var loaded = source.Load(body.Scenario!, overrides);
            if (loaded is null)
            {
                return ApiProblems.NotFound($"No scenario with id '{body.Scenario}'.");
            }

            if (!loaded.Succeeded)
            {
                return ApiProblems.Unprocessable($"Variant '{name}' does not validate.", loaded.Diagnostics);
            }

            var numbers = loaded.Document?.Numbers ?? baseline.Document?.Numbers ?? [];
            built.Add(new Variant(name, overrides, loaded.Definition!, body.Runs, Counterfactuals.Find(overrides, numbers)));
        }

        var experiment = store.TryStart(body.Scenario!, body.Seed, body.Runs, built, baseline.ScenarioHash);
        if (experiment is null)
        {
            return ApiProblems.TooMany($"{options.MaxConcurrentExperiments} experiments are already running; try again when one has finished.");
        }

        var root = $"/api/experiments/{experiment.Id}";
        return TypedResults.Accepted(root, new ExperimentStartedDto(experiment.Id, experiment.Total, $"{root}/progress", root, $"{root}/runs.csv"));
    }

    private static IResult Progress(string id, ExperimentStore store, HttpContext context) =>
        Find(id, store) is { } experiment
            ? TypedResults.ServerSentEvents(Stream(experiment, context.RequestAborted), "progress")
            : ApiProblems.NotFound($"No experiment with id '{Shorten(id)}'.");

    private static async IAsyncEnumerable<ProgressDto> Stream(Experiment experiment, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Read the state before the count: once it says finished, the count is final too.
            var finished = experiment.State != ExperimentState.Running;
            var progress = experiment.Progress();
            if (progress.Completed != last || finished)
            {
                last = progress.Completed;
                yield return progress;
            }

            if (finished)
            {
                yield break;
            }

            try
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static IResult Results(string id, ExperimentStore store) =>
        Find(id, store) is { } experiment
            ? TypedResults.Ok(Summarize(experiment))
            : ApiProblems.NotFound($"No experiment with id '{Shorten(id)}'.");

    private static Task<IResult> CsvAsync(string id, ExperimentStore store) =>
        DownloadAsync(id, store, "csv", "text/csv; charset=utf-8", (path, rows) =>
        {
            Analysis.Exporters.CsvExporter.Write(path, rows);
            return Task.CompletedTask;
        });

    private static Task<IResult> ParquetAsync(string id, ExperimentStore store) =>
        DownloadAsync(id, store, "parquet", "application/vnd.apache.parquet", (path, rows) => Analysis.Exporters.ParquetExporter.WriteAsync(path, rows));

    /// <summary>The runs of a finished experiment through the same exporters as the command line (same columns).</summary>
    private static async Task<IResult> DownloadAsync(
        string id, ExperimentStore store, string extension, string contentType, Func<string, IEnumerable<Analysis.Stores.RunRecord>, Task> export)
    {
        var experiment = Find(id, store);
        if (experiment is null)
        {
            return ApiProblems.NotFound($"No experiment with id '{Shorten(id)}'.");
        }

        if (experiment.State != ExperimentState.Done)
        {
            return TypedResults.Problem(statusCode: 409, title: "Not finished", detail: "The experiment is still running (or failed); the file is ready when it is done.");
        }

        // The exporters write a file atomically; write it in a private temporary folder, read it back, remove it.
        var folder = Directory.CreateTempSubdirectory("bosporos-web-");
        try
        {
            var path = Path.Combine(folder.FullName, "runs." + extension);
            await export(path, Records(experiment)).ConfigureAwait(false);
            var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
            return TypedResults.File(bytes, contentType, $"experiment-{experiment.Id}.{extension}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static IEnumerable<Analysis.Stores.RunRecord> Records(Experiment experiment) =>
        experiment.Variants.SelectMany(v => v.Results.Take(Volatile.Read(ref v.Completed)));

    internal static ExperimentResultDto Summarize(Experiment experiment)
    {
        var done = experiment.State == ExperimentState.Done;
        var variants = experiment.Variants.Select(v =>
        {
            var results = done ? v.Results.Take(v.Completed).ToArray() : [];
            var n = results.Length;
            var outcomes = Outcomes.Select(o =>
            {
                var name = Kebab(o);
                var count = results.Count(r => r.Outcome == name);
                var (low, high) = Wilson.Interval(count, n);
                return new OutcomeShareDto(name, count, n == 0 ? 0 : (double)count / n, low, high);
            }).ToArray();
            return new VariantResultDto(
                v.Name,
                v.Overrides.ToDictionary(o => o.Path, o => o.Value, StringComparer.Ordinal),
                n,
                outcomes,
                Distribution(results.Select(r => r.CloseSiegeDays)),
                Distribution(results.Select(r => r.EndHour / Kernel.Time.SimTime.HoursPerDay)),
                v.OutsideRange.Count > 0,
                v.OutsideRange);
        }).ToArray();
        var report = experiment.Mode != Experiment.WebMode && (experiment.Origin == "store" || experiment.StoreName is not null) ? $"/api/experiments/{experiment.Id}/report" : null;
        return new ExperimentResultDto(
            experiment.Id, experiment.Scenario, experiment.Seed, experiment.RunsPerVariant,
            experiment.State.ToString().ToLowerInvariant(), experiment.Completed, experiment.Total, variants, ["csv", "parquet"],
            experiment.Origin, experiment.Mode, experiment.StoreName, experiment.Error, report)
        {
            Branch = done && experiment.Branch is { } branch
                ? Analysis.Branching.BranchReport.Build(branch, experiment.Variants.Select(v => v.Name).ToList(), Records(experiment))
                : null,
        };
    }

    /// <summary>
    /// The command line's analysis of a store it made (what <c>bosporos experiment run</c> prints with
    /// <c>--format json</c>: paired changes with intervals, or the uncertainty and sensitivity tables), without the
    /// divergence replays.
    /// </summary>
    private static async Task<IResult> ReportAsync(string id, ExperimentStore store, HttpContext context)
    {
        var experiment = Find(id, store);
        var backing = experiment is null ? null : store.StoreOf(id);
        if (experiment is null || backing is null || experiment.Mode == Experiment.WebMode)
        {
            return ApiProblems.NotFound($"No report for '{Shorten(id)}': reports are made for result stores written by the command line (bosporos serve --store STORE).");
        }

        var json = await Task.Run(() => store.Reports.GetOrAdd(id, _ => BuildReport(backing.Value.Location, backing.Value.Manifest, experiment)), context.RequestAborted).ConfigureAwait(false);
        return json is null
            ? ApiProblems.Unprocessable("The store's experiment cannot be analysed here: its experiment text or scenario does not load, or the scenario has changed since the store was written. Run 'bosporos report STORE --out DIR' for the details.")
            : TypedResults.Text(json, "application/json; charset=utf-8");
    }

    private static string? BuildReport(string location, Analysis.Stores.ExperimentManifest manifest, Experiment experiment)
    {
        var prepared = WebExperimentText.Prepare(manifest, location);
        if (prepared is not { } p ||
            Analysis.Experiments.ExperimentRunner.Mismatches(manifest, Analysis.Experiments.ExperimentRunner.Manifest(p.Plan, p.Model, new Analysis.Experiments.RunOptions())).Count > 0)
        {
            return null;
        }

        var report = Analysis.Experiments.ExperimentReport.Build(p.Plan, p.Model, Records(experiment).ToList(), divergence: false);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Analysis.Experiments.ExperimentReportWriter.WriteJson(report, writer);
        return writer.ToString();
    }

    internal static DurationDto Distribution(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new DurationDto(0, 0, 0, 0, 0, 0, []);
        }

        int Quantile(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * (sorted.Length - 1) + 0.5))];
        var histogram = sorted.GroupBy(x => x).Select(g => new HistogramBinDto(g.Key, g.Count())).ToArray();
        return new DurationDto(Math.Round(sorted.Average(), 2), Quantile(0.05), Quantile(0.5), Quantile(0.95), sorted[0], sorted[^1], histogram);
    }

    private static Experiment? Find(string id, ExperimentStore store) =>
        ExperimentStore.IsId(id) ? store.Find(id) : null;

    private static string Shorten(string id) => id.Length <= 32 ? id : id[..32] + "...";

    private static string Kebab<T>(T value)
        where T : struct, Enum => Bosporos.Scenarios.Naming.Kebab(value.ToString());
}
