using Spectre.Console;

namespace Bosporos.Cli;

/// <summary>Where a command writes and what it may assume about its terminal; tests substitute every part.</summary>
internal sealed class CliEnvironment(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>True when stdout is a terminal (colours and box drawing allowed).</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>True when stderr is an interactive terminal: progress is drawn as a bar, otherwise as plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Where interactive commands (play) read the player's input; lines when it is not a terminal.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when stdin is an interactive terminal: play draws menus chosen with the keys.</summary>
    public bool InIsTerminal { get; init; }

    /// <summary>The console the play screen draws on and prompts with (tests give a Spectre test console).</summary>
    public IAnsiConsole? PlayConsole { get; init; }

    public ScenarioSource Scenarios { get; init; } = new();

    public CancellationToken Cancellation { get; init; }

    /// <summary>Seconds between plain progress lines when stderr is not a terminal.</summary>
    public double ProgressInterval { get; init; } = 1.0;

    public IAnsiConsole OutConsole() => Console(Out, OutIsTerminal);

    public IAnsiConsole ErrorConsole() => Console(Error, ErrorIsTerminal);

    // Spectre's own detection looks at stdout; here each stream's console is told what that stream is, so a
    // progress bar still draws on a terminal's stderr while stdout goes to a file.
    private static IAnsiConsole Console(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = 100;
        }

        return console;
    }
}
