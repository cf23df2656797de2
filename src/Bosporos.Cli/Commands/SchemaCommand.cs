using Bosporos.Scenarios;

namespace Bosporos.Cli.Commands;

internal static class SchemaCommand
{
    public static int Execute(CliEnvironment env)
    {
        env.Out.WriteLine(ScenarioSchema.Generate());
        return ExitCodes.Success;
    }
}
