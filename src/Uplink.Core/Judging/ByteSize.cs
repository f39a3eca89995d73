using System.Globalization;

namespace Uplink.Judging;

/// <summary>Reads and writes byte counts the way people write them: 512 B, 12.5 KB, 3 MB (powers of 1024).</summary>
public static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1),
    ];

    public static string Format(long bytes)
    {
        foreach (var (unit, factor) in Units)
        {
            if (bytes >= factor && factor > 1)
            {
                return (bytes / (double)factor).ToString("0.#", CultureInfo.InvariantCulture) + " " + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + " B";
    }

    /// <summary>Parses "512", "512B", "100KB", "1.5 MB" (case-insensitive). Returns false for anything else.</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        foreach (var (unit, factor) in Units)
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return TryScale(trimmed[..^unit.Length], factor, out bytes);
            }
        }

        return TryScale(trimmed, 1, out bytes);
    }

    private static bool TryScale(string number, long factor, out long bytes)
    {
        bytes = 0;
        if (!double.TryParse(number.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value < 0 || value * factor > long.MaxValue)
        {
            return false;
        }

        bytes = (long)Math.Round(value * factor);
        return true;
    }
}
