namespace Uplink.Checks;

/// <summary>
/// Reads what a CDN says about its cache from the usual response headers: <c>X-Cache</c>,
/// <c>CF-Cache-Status</c>, <c>Age</c> and <c>Via</c>.
/// </summary>
public static class CdnCacheStatus
{
    private static readonly string[] Headers = ["X-Cache", "CF-Cache-Status", "Age", "Via"];

    /// <summary>
    /// The cache headers present, in a fixed order, as "name: value" joined by "; ", for example
    /// "CF-Cache-Status: HIT; Age: 30"; null when the response carries none of them.
    /// </summary>
    public static string? Describe(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var present = Headers
            .Where(headers.ContainsKey)
            .Select(name => $"{name}: {headers[name]}")
            .ToList();
        return present.Count == 0 ? null : string.Join("; ", present);
    }
}
