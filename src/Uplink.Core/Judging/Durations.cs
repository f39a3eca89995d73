using System.Globalization;

namespace Uplink.Judging;

/// <summary>Reads and writes durations the way configs and tables spell them: 250ms, 1.5s, 2m, 1h, 21d.</summary>
public static class Durations
{
    private const double MsPerDay = 86_400_000;

    public static string Format(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        return ms switch
        {
            < 1000 => ms.ToString("0", CultureInfo.InvariantCulture) + " ms",
            < 60_000 => (ms / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " s",
            >= MsPerDay => (ms / MsPerDay).ToString("0.##", CultureInfo.InvariantCulture) + " d",
            _ => (ms / 60_000).ToString("0.##", CultureInfo.InvariantCulture) + " min",
        };
    }

    /// <summary>
    /// Parses a number followed by a unit: ms, s, m, h or d (for example 500ms, 30s, 1.5m, 2h, 21d).
    /// Returns false for anything else, including negative values and bare numbers.
    /// </summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        (string Suffix, double Ms)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", MsPerDay)];
        foreach (var (suffix, factor) in units)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var number = trimmed[..^suffix.Length];
            if (suffix == "s" && number.EndsWith('m'))
            {
                continue;
            }

            if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value * factor <= TimeSpan.MaxValue.TotalMilliseconds)
            {
                duration = TimeSpan.FromMilliseconds(value * factor);
                return true;
            }

            return false;
        }

        return false;
    }
}
