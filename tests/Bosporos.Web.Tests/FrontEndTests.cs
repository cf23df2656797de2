using System.Diagnostics;

namespace Bosporos.Web.Tests;

/// <summary>Runs the front end's Vitest suite (web/src/**/*.test.ts) so `dotnet test` covers it too.</summary>
public sealed class FrontEndTests
{
    private static string? WebFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "web");
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")) && File.Exists(Path.Combine(web, "package.json")))
            {
                return web;
            }
        }

        return null;
    }

    private static bool HasNpm()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("npm", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            p!.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [SkippableFact]
    public async Task Vitest_suite_passes()
    {
        var web = WebFolder();
        Skip.If(web is null, "the web/ folder is not above the test binaries");
        Skip.If(!HasNpm(), "npm is not installed");
        Skip.If(!Directory.Exists(Path.Combine(web!, "node_modules")), "web/node_modules is missing: build src/Bosporos.Web with npm installed (it runs npm ci)");
        var start = new ProcessStartInfo("npm", "test --silent") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CI"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"npm test exited {process.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains("passed", await output, StringComparison.Ordinal);
    }
}
