using System.Globalization;
using Bosporos.Analysis.Play;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bosporos.Web.Play;

/// <summary>
/// The Play page's API: games of one side against the look-ahead AI over <see cref="PlaySession"/>. Games live in
/// memory (<see cref="GameStore"/>); odds and advances run on the thread pool, a few at a time.
/// </summary>
internal static class PlayEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/play/limits", (WebOptions o) => TypedResults.Ok(new PlayLimitsDto(o.MaxGames, (int)o.GameIdleTimeout.TotalMinutes, o.MaxOddsFutures, AiLevel.Max)));
        app.MapPost("/api/games", CreateAsync);
        app.MapPost("/api/games/resume", ResumeAsync);
        app.MapGet("/api/games/{id}", Get);
        app.MapDelete("/api/games/{id}", Delete);
        app.MapGet("/api/games/{id}/options", Options);
        app.MapGet("/api/games/{id}/odds", OddsAsync);
        app.MapPost("/api/games/{id}/orders", GiveAsync);
        app.MapDelete("/api/games/{id}/orders", ClearOrders);
        app.MapPost("/api/games/{id}/advance", AdvanceAsync);
        app.MapPost("/api/games/{id}/commanders", CommandAsync);
        app.MapGet("/api/games/{id}/save", Save);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IScenarioSource source, GameStore store, WebOptions options)
    {
        var (body, problem) = await WebJson.ReadAsync<NewGameRequest>(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (!TryHuman(body.Side, out var human))
        {
            return ApiProblems.BadRequest("'side' is the side you command: roman, avar, or none (the AI and the doctrines play both).");
        }

        if (body.AiLevel is < 0 or > AiLevel.Max)
        {
            return Problem(422, "The request cannot be carried out", $"'aiLevel' runs from 0 (the doctrines) to {AiLevel.Max}; {body.AiLevel} was asked for.",
                "Level 1 looks one day ahead with 16 sampled futures per option; level 4 three days with 200.");
        }

        var (loaded, overrides, loadProblem) = Overrides.LoadRequested(source, body.Scenario, body.Overrides);
        if (loaded is null)
        {
            return loadProblem!;
        }

        if (store.Count >= options.MaxGames)
        {
            return TooManyGames(options);
        }

        var mapBase = await Task.Run(() => GameMapper.MapBase(loaded, body.Seed), request.HttpContext.RequestAborted).ConfigureAwait(false);
        var session = PlaySession.Start(loaded.Definition!, new PlaySetup(body.Scenario!, loaded.ScenarioHash, overrides, body.Seed, human, body.AiLevel));
        return Created(store, options, session, loaded, mapBase, null);
    }

    private static IResult Created(GameStore store, WebOptions options, PlaySession session, LoadResult loaded, Replay.ReplayDto mapBase, string? message)
    {
        var game = store.TryAdd((id, now) => new Game(id, session, loaded, mapBase, now));
        if (game is null)
        {
            return TooManyGames(options);
        }

        lock (game.Sync)
        {
            return TypedResults.Created($"/api/games/{game.Id}", GameMapper.Describe(game, message));
        }
    }

    private static IResult Get(string id, GameStore store) => WithGame(id, store, game => TypedResults.Ok(GameMapper.Describe(game)));

    private static IResult Delete(string id, GameStore store) =>
        store.Remove(id) ? TypedResults.NoContent() : GameNotFound(id, store);

    private static IResult Options(string id, string? side, GameStore store) => WithGame(id, store, game =>
    {
        if (SideFor(game, side) is not { } s)
        {
            return SideProblem();
        }

        var d = game.Session.Definition;
        var list = game.Session.Options(s).Select(o => new OptionDto(o.Id, o.Group, o.Label, GameMapper.Target(d, o))).ToArray();
        return TypedResults.Ok(new OptionsDto(PlaySides.Id(s), game.Session.Now.Hours, list));
    });

    private static Task<IResult> OddsAsync(string id, string? side, string? level, GameStore store, PlayGate gate, WebOptions options) => Compute(id, store, gate, options, game =>
    {
        if (SideFor(game, side) is not { } s)
        {
            return SideProblem();
        }

        var session = game.Session;
        var l = session.LevelFor(s).Level;
        if (level is not null && (!int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out l) || l is < 1 or > AiLevel.Max))
        {
            return ApiProblems.BadRequest($"'level' is a whole number from 1 to {AiLevel.Max} (how far the odds look ahead).");
        }

        if (session.IsOver)
        {
            return Problem(409, "The siege is over", "The siege is over: there are no options left to weigh.", "Save the game, or start a new one.");
        }

        var ai = AiLevel.Of(l);
        var optionCount = session.Options(s).Count;
        var futures = (long)optionCount * ai.Samples;
        if (futures > options.MaxOddsFutures)
        {
            return Problem(422, "The request cannot be carried out",
                $"Odds at level {l} would run {futures:N0} sampled futures ({optionCount} options × {ai.Samples} samples); this site runs at most {options.MaxOddsFutures:N0} per request.",
                "Ask for a lower level (?level=1 samples 16 futures per option).");
        }

        var odds = session.Odds(s, ai);
        var chosen = LookAhead.Choose(odds);
        var d = session.Definition;
        var list = odds.Select((o, i) => new OptionOddsDto(
            o.Option.Id, o.Option.Group, o.Option.Label, GameMapper.Target(d, o.Option),
            o.Taken, o.TakenLow, o.TakenHigh, o.Lifted, o.LiftedLow, o.LiftedHigh,
            Math.Round(o.OwnLossMean, 1), Math.Round(o.OwnLossSd, 1), Math.Round(o.EnemyLossMean, 1), Math.Round(o.EnemyLossSd, 1),
            o.Gain, o.GainError, i == chosen)).ToArray();
        return TypedResults.Ok(new OddsDto(PlaySides.Id(s), session.Now.Hours, l, ai.Samples, ai.HorizonDays, list));
    });

    private static async Task<IResult> GiveAsync(string id, HttpRequest request, GameStore store, WebOptions options)
    {
        var (body, problem) = await WebJson.ReadAsync<OrderRequest>(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        return WithGame(id, store, game => Give(game, body));
    }

    private static IResult Give(Game game, OrderRequest body)
    {
        var session = game.Session;
        if (PlaySides.Parse(body.Side) is not { } side)
        {
            return ApiProblems.BadRequest("'side' is the side that gives the order: roman or avar.");
        }

        if ((body.Option is null) == (body.Kind is null))
        {
            return ApiProblems.BadRequest("Give either 'option' (an id listed by /options) or 'kind' with 'target' and 'value', not both.");
        }

        OrderAnswer answer;
        if (body.Option is { } option)
        {
            if (option.Length > 100)
            {
                return ApiProblems.BadRequest("An option id is at most 100 characters.");
            }

            answer = session.Choose(side, option);
        }
        else
        {
            var kind = Enum.GetValues<OrderKind>().Where(k => Naming.Kebab(k.ToString()) == body.Kind).Select(k => (OrderKind?)k).FirstOrDefault();
            if (kind is null)
            {
                return ApiProblems.BadRequest($"'kind' is one of: {string.Join(", ", Enum.GetValues<OrderKind>().Select(k => Naming.Kebab(k.ToString())))}.");
            }

            var d = session.Definition;
            var target = -1;
            if (body.Target is not null)
            {
                target = Array.FindIndex(d.Zones, z => z.Id == body.Target);
                if (target < 0)
                {
                    return Refused(OrderRefusal.UnknownTarget, $"Refused: no zone '{Shorten(body.Target)}' in this scenario.",
                        $"Targets are zone ids of the scenario, e.g. {string.Join(", ", d.Zones.Take(4).Select(z => z.Id))}.");
                }
            }

            answer = session.Give(new Order(session.Now, side, kind.Value, (short)target, body.Value) { Source = OrderSource.Player });
        }

        return answer.Accepted
            ? TypedResults.Ok(GameMapper.Describe(game, answer.Message))
            : Refused(answer.Refusal, answer.Message, RefusalHint(game, side, answer.Refusal));
    }

    private static IResult ClearOrders(string id, GameStore store) => WithGame(id, store, game =>
    {
        game.Session.ClearPending();
        return TypedResults.Ok(GameMapper.Describe(game, "The orders of this hour are withdrawn."));
    });

    private static Task<IResult> AdvanceAsync(string id, GameStore store, PlayGate gate, WebOptions options) => Compute(id, store, gate, options, game =>
    {
        var over = game.Session.IsOver;
        game.Session.Advance();
        return TypedResults.Ok(GameMapper.Describe(game, over ? "The siege is over; there is nothing left to advance to." : null));
    });

    private static async Task<IResult> CommandAsync(string id, HttpRequest request, GameStore store, WebOptions options)
    {
        var (body, problem) = await WebJson.ReadAsync<CommanderRequest>(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (PlaySides.Parse(body.Side) is not { } side)
        {
            return ApiProblems.BadRequest("'side' is roman or avar.");
        }

        Commander? commander = body.Commander switch
        {
            "player" => Commander.Player,
            "ai" => Commander.Ai,
            "doctrine" => Commander.Doctrine,
            _ => null,
        };
        if (commander is null)
        {
            return ApiProblems.BadRequest("'commander' is player (you give the orders), ai (the look-ahead commander) or doctrine (the scenario's written plan).");
        }

        return WithGame(id, store, game =>
        {
            game.Session.SetCommander(side, commander.Value);
            var who = commander.Value switch
            {
                Commander.Player => "you command",
                Commander.Ai => "the AI commands",
                _ => "the doctrine commands",
            };
            return TypedResults.Ok(GameMapper.Describe(game, $"From now on {who} the {PlaySession.Describe(side)}."));
        });
    }

    private static IResult Save(string id, GameStore store) => WithGame(id, store, game =>
    {
        var save = game.Session.Save();
        var bytes = System.Text.Encoding.UTF8.GetBytes(ReplayJson.Write(save));
        var name = string.Create(CultureInfo.InvariantCulture, $"{game.Session.Setup.Scenario}-seed{game.Session.Setup.Seed}-hour{game.Session.Now.Hours}.save.json");
        return TypedResults.File(bytes, "application/json", name);
    });

    private static async Task<IResult> ResumeAsync(HttpRequest request, IScenarioSource source, GameStore store, WebOptions options)
    {
        var (text, problem) = await SaveCheck.ReadTextAsync(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (text is null)
        {
            return problem!;
        }

        var checkedSave = await Task.Run(() => SaveCheck.Check(text, source), request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (checkedSave.Problem is not null)
        {
            return checkedSave.Problem;
        }

        if (store.Count >= options.MaxGames)
        {
            return TooManyGames(options);
        }

        var (save, loaded) = (checkedSave.Save!, checkedSave.Loaded!);
        PlaySession session;
        try
        {
            session = PlaySession.Resume(loaded.Definition!, save, PlaySides.Parse(save.Play!.Human), save.Play.AiLevel);
        }
        catch (PlayException e)
        {
            return SaveCheck.Refuse("play", e.Message, e.Hint);
        }

        var mapBase = await Task.Run(() => GameMapper.MapBase(loaded, save.Seed), request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Created(store, options, session, loaded, mapBase,
            string.Create(CultureInfo.InvariantCulture, $"Resumed at hour {session.Now.Hours} with {session.Orders.Count + session.Pending.Count} orders replayed."));
    }

    /// <summary>Runs <paramref name="work"/> on the game under its lock; 404 when there is no such game.</summary>
    private static IResult WithGame(string id, GameStore store, Func<Game, IResult> work)
    {
        if (store.Find(id) is not { } game)
        {
            return GameNotFound(id, store);
        }

        lock (game.Sync)
        {
            return work(game);
        }
    }

    /// <summary>Like <see cref="WithGame"/>, on the thread pool and counted against the site's computations (429 beyond).</summary>
    private static async Task<IResult> Compute(string id, GameStore store, PlayGate gate, WebOptions options, Func<Game, IResult> work)
    {
        if (store.Find(id) is null)
        {
            return GameNotFound(id, store);
        }

        return await gate.RunAsync(options, () => Task.Run(() => WithGame(id, store, work))).ConfigureAwait(false);
    }

    private static Side? SideFor(Game game, string? side) =>
        side is null ? game.Session.Setup.Human : PlaySides.Parse(side);

    private static ProblemHttpResult SideProblem() =>
        ApiProblems.BadRequest("'side' is roman or avar (it may be left out when you command a side).");

    private static bool TryHuman(string? text, out Side? human)
    {
        human = null;
        if (text is null or "none")
        {
            return true;
        }

        human = PlaySides.Parse(text);
        return human is not null;
    }

    private static ProblemHttpResult Refused(OrderRefusal refusal, string detail, string hint) =>
        Problem(422, "Order refused", detail, hint, new() { ["refusal"] = Naming.Kebab(refusal.ToString()) });

    private static string RefusalHint(Game game, Side side, OrderRefusal refusal) => refusal switch
    {
        OrderRefusal.WrongSide => $"Give orders for the side you command, or take the {PlaySession.Describe(side)} back (POST /api/games/{{id}}/commanders with commander 'player').",
        OrderRefusal.SiegeOver => "The siege is over; save the game or start a new one.",
        _ => $"The options of the {PlaySession.Describe(side)} at hour {game.Session.Now.Hours.ToString(CultureInfo.InvariantCulture)} (GET /api/games/{{id}}/options?side={PlaySides.Id(side)}) are orders the kernel accepts now.",
    };

    private static ProblemHttpResult GameNotFound(string id, GameStore store) =>
        Problem(404, "Not found", $"No game with id '{Shorten(id)}'.",
            $"Games are kept in memory and forgotten after {store.IdleMinutes} minutes without a request or when the server restarts; resume it from its save.");

    private static ProblemHttpResult TooManyGames(WebOptions options) =>
        Problem(429, "Too many games", $"This site holds at most {options.MaxGames} games at once.",
            $"Try again later: a game is forgotten after {(int)options.GameIdleTimeout.TotalMinutes} minutes without a request.");

    internal static ProblemHttpResult Problem(int status, string title, string detail, string hint, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions["hint"] = hint;
        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "...";
}
