using System.Globalization;
using System.Text;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;

namespace Bosporos.Analysis.Experiments;

/// <summary>Small wordings for reports of experiments: a simulated hour, a field name for people. Events themselves are told by Scenarios.Narrative.</summary>
public static class EventSentence
{
    /// <summary>"day 12, 06:00" for a simulated hour.</summary>
    public static string When(int hours) =>
        string.Create(CultureInfo.InvariantCulture, $"day {hours / 24}, {hours % 24:00}:00");

    /// <summary>"BoatsSunk" → "boats sunk"; "menKilled" → "men killed".</summary>
    public static string Humanize(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
