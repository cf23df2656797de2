namespace Bosporos.Cli.Commands;

/// <summary>
/// Files a command writes (--events, --replay, stores, exports): checked before any work is done, missing parent
/// folders created (as 'export ... results/cf.csv' and '--out shards/3.db' expect), and a failure to write reported
/// with the option and the operating system's reason rather than as an internal error.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Null when <paramref name="path"/> can be written as a file; otherwise the error line to print.</summary>
    public static string? Prepare(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{option}: the file name is empty.";
        }

        if (Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            return $"{option}: '{path}' is a directory; give a file name (e.g. {Path.Combine(path, "out" + Extension(option))}).";
        }

        try
        {
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
            {
                if (File.Exists(parent))
                {
                    return $"{option}: cannot write '{path}': '{parent}' is a file, not a directory.";
                }

                Directory.CreateDirectory(parent);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{option}: cannot create the directory for '{path}': {e.Message}";
        }

        return null;
    }

    /// <summary>Runs <paramref name="write"/>; an I/O failure becomes "error: OPTION: cannot write PATH: reason" and false.</summary>
    public static bool Write(CliEnvironment env, string option, string path, Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"error: {option}: cannot write '{path}': {e.Message}");
            env.Error.WriteLine("    hint: Check that the directory is writable and the disk is not full.");
            return false;
        }
    }

    private static string Extension(string option) => option switch
    {
        "--events" => ".jsonl",
        "--replay" => ".json",
        "--csv" => ".csv",
        "--parquet" => ".parquet",
        _ => ".db",
    };
}
