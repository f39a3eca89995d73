namespace Uplink.Probes;

/// <summary>One HTTP request, fully rendered: no templates or variables are left in it.</summary>
public sealed record HttpRequestPlan(
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    TimeSpan Timeout);
