namespace Bosporos.Analysis.Tests.Fitting;

/// <summary>The battle data shipped in the repository (data/battles), found above the test binaries.</summary>
internal static class BattleData
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
            {
                return Path.Combine(dir.FullName, "data", "battles");
            }
        }

        throw new InvalidOperationException("Bosporos.slnx not found above the test binaries.");
    }

    public static string IwoJima => Path.Combine(Folder(), "iwo-jima-engel1954", "us_strength_by_day.csv");

    public static string Cdb90 => Path.Combine(Folder(), "cdb90");
}
