using Spectre.Console;

namespace Bosporos.Cli.Commands;

internal static class ScenariosCommand
{
    public static int Execute(CliEnvironment env)
    {
        var entries = env.Scenarios.List();
        var table = new Table().AddColumn("Id").AddColumn("Name").AddColumn("Path");
        foreach (var e in entries)
        {
            table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Name), Markup.Escape(e.Path));
        }

        env.OutConsole().Write(table);
        if (entries.Count == 0)
        {
            env.Error.WriteLine("No shipped scenarios were found (looked for a scenarios folder beside the program and above the working directory).");
        }

        return ExitCodes.Success;
    }
}
