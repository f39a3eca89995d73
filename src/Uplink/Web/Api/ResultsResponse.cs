namespace Uplink.Web.Api;

/// <summary>A monitor's results in a time range, as answered by <c>GET /api/monitors/{name}/results</c>.</summary>
/// <param name="Monitor">The monitor's name.</param>
/// <param name="From">The start of the range, inclusive.</param>
/// <param name="To">The end of the range, exclusive.</param>
/// <param name="Limit">The most results answered; when more started in the range, the newest are kept.</param>
/// <param name="Results">The results, oldest first.</param>
public sealed record ResultsResponse(
    string Monitor,
    DateTimeOffset From,
    DateTimeOffset To,
    int Limit,
    IReadOnlyList<ResultResponse> Results);
