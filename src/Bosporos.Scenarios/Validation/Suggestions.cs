namespace Bosporos.Scenarios.Validation;

/// <summary>"Did you mean" hints from the edit distance between what was written and what is allowed.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string written, IEnumerable<string> candidates, int take = 3)
    {
        var limit = Math.Max(2, written.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (c, d: Distance(written.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.d <= limit)
            .OrderBy(x => x.d)
            .ThenBy(x => x.c, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.c)
            .ToList();
    }

    /// <summary>A hint naming the closest candidates, or listing what is allowed when nothing is close.</summary>
    public static string Hint(string written, IReadOnlyCollection<string> candidates, string what = "one of")
    {
        var close = Closest(written, candidates);
        if (close.Count > 0)
        {
            return $"Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?";
        }

        if (candidates.Count == 0)
        {
            return "There is nothing to refer to here.";
        }

        const int Shown = 15;
        var list = string.Join(", ", candidates.Take(Shown));
        return candidates.Count > Shown ? $"Expected {what}: {list}, ..." : $"Expected {what}: {list}.";
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }
}
