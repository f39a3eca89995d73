namespace Uplink.Mobile;

/// <summary>
/// What a response said about its API's end of life: the <c>Deprecation</c> header (RFC 9745, a
/// date written <c>@seconds</c>) and the <c>Sunset</c> header (RFC 8594, an HTTP date).
/// </summary>
public sealed record ApiLifecycle
{
    /// <summary>The raw <c>Deprecation</c> value; null when absent.</summary>
    public string? Deprecation { get; init; }

    /// <summary>When the API was or will be deprecated, when the value holds a date.</summary>
    public DateTimeOffset? DeprecatedAt { get; init; }

    /// <summary>The raw <c>Sunset</c> value; null when absent.</summary>
    public string? Sunset { get; init; }

    /// <summary>When the API stops answering, when the value holds a date.</summary>
    public DateTimeOffset? SunsetAt { get; init; }
}
