using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Uplink.Web.Api;

/// <summary>
/// The range and limit of a results request, read from its query string. Every problem names the
/// parameter and the form it expects, so that a caller can fix the request from the message alone.
/// </summary>
/// <param name="From">The start of the range, inclusive.</param>
/// <param name="To">The end of the range, exclusive.</param>
/// <param name="Limit">The most results to answer.</param>
public sealed record ResultQuery(DateTimeOffset From, DateTimeOffset To, int Limit)
{
    /// <summary>How far back the range reaches when <c>from</c> is not given.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(1);

    /// <value>500.</value>
    public const int DefaultLimit = 500;

    /// <value>5000.</value>
    public const int MaxLimit = 5000;

    private const string Example = "2026-12-03T14:00:00Z";

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// Reads the parameters; <c>to</c> defaults to <paramref name="now"/>, <c>from</c> to an hour
    /// before <c>to</c>. Times without an offset are taken as UTC.
    /// </summary>
    public static bool TryParse(
        string? from,
        string? to,
        string? limit,
        DateTimeOffset now,
        [NotNullWhen(true)] out ResultQuery? query,
        [NotNullWhen(false)] out string? problem)
    {
        query = null;
        if (!TryParseTime("to", to, now, out var end, out problem)
            || !TryParseTime("from", from, end - DefaultSpan, out var start, out problem)
            || !TryParseLimit(limit, out var count, out problem))
        {
            return false;
        }

        if (start >= end)
        {
            problem = $"from: {Show(start)} is not before to ({Show(end)}); give a from earlier than to";
            return false;
        }

        query = new ResultQuery(start, end, count);
        return true;
    }

    private static bool TryParseTime(
        string parameter,
        string? text,
        DateTimeOffset fallback,
        out DateTimeOffset time,
        [NotNullWhen(false)] out string? problem)
    {
        time = fallback;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(
                text.Trim(),
                IsoFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out time))
        {
            return true;
        }

        problem = $"{parameter}: '{text}' is not an ISO 8601 time such as {Example}";
        return false;
    }

    private static bool TryParseLimit(string? text, out int limit, [NotNullWhen(false)] out string? problem)
    {
        limit = DefaultLimit;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit)
            && limit is >= 1 and <= MaxLimit)
        {
            return true;
        }

        problem = $"limit: '{text}' is not a whole number from 1 to {MaxLimit}";
        return false;
    }

    private static string Show(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
