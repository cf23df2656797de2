using System.Text.Json;

namespace Bosporos.Scenarios;

/// <summary>
/// How Bosporos spells C# names in files and outputs: kebab-case, exactly as scenario files write keys and enum values
/// (DismountedCavalry → dismounted-cavalry, HostStarving → host-starving). One rule for the loader, replays, exports,
/// the command line and the web API.
/// </summary>
public static class Naming
{
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        return JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);
    }
}
