using Bosporos.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C asks the running command to stop cleanly and report what it finished; a second one kills.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

var env = new CliEnvironment(Console.Out, Console.Error)
{
    OutIsTerminal = !Console.IsOutputRedirected,
    ErrorIsTerminal = !Console.IsErrorRedirected,
    In = Console.In,
    InIsTerminal = !Console.IsInputRedirected && !Console.IsOutputRedirected,
    Cancellation = cancel.Token,
};
return CliApp.Run(args, env);
