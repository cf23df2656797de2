using Bosporos.Scenarios.Validation;

namespace Bosporos.Cli.Commands;

internal static class ValidateCommand
{
    public static int Execute(CliEnvironment env, string scenario, bool warningsAsErrors)
    {
        if (env.Scenarios.WarPath(scenario) is { } war)
        {
            return WarCommands.Validate(env, war, scenario, warningsAsErrors);
        }

        var loaded = env.Scenarios.Load(scenario, []);
        if (loaded is null)
        {
            Loading.NotFound(env, scenario);
            return ExitCodes.InvalidData;
        }

        var diagnostics = loaded.Result.Diagnostics;
        foreach (var d in diagnostics)
        {
            Loading.Print(env.Error, d);
        }

        env.Out.WriteLine(Loading.CountLine(loaded.Label, diagnostics));
        var failed = !loaded.Result.Succeeded || (warningsAsErrors && diagnostics.Any(d => d.Severity == Severity.Warning));
        return failed ? ExitCodes.InvalidData : ExitCodes.Success;
    }
}
