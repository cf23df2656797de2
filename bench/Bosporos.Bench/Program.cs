using BenchmarkDotNet.Running;
using Bosporos.Scenarios;

// BenchmarkDotNet runs each benchmark in a child process: pass the scenarios folder on so it is found from there too.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScenarioCatalog.FolderVariable)) && ScenarioCatalog.Folder() is { } folder)
{
    Environment.SetEnvironmentVariable(ScenarioCatalog.FolderVariable, folder);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
