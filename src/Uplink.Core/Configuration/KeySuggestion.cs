namespace Uplink.Configuration;

/// <summary>Finds the known word nearest to a misspelt one, so that an error can say what was meant.</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The nearest candidate within a few edits of <paramref name="word"/>, or one it abbreviates
    /// (<c>warn</c> for <c>warning</c>); null when none is close.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        var lower = word.ToLowerInvariant();
        var limit = Math.Max(1, Math.Min(3, lower.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(lower, candidate.ToLowerInvariant());
            if ((distance <= limit || IsAbbreviation(lower, candidate)) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool IsAbbreviation(string word, string candidate) =>
        word.Length >= 3 && candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Levenshtein distance: single-character insertions, deletions and substitutions.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
