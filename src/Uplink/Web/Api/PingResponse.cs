namespace Uplink.Web.Api;

/// <summary>One stored ping, as listed by <c>GET /api/heartbeats/{name}/pings</c>.</summary>
/// <param name="ReceivedAt">When Uplink received it.</param>
/// <param name="Kind">success, start or fail.</param>
/// <param name="ExitCode">The exit code the job sent, if any.</param>
/// <param name="RunId">The run id (<c>?rid=</c>), if any.</param>
/// <param name="Source">The address it came from.</param>
/// <param name="UserAgent">The client's User-Agent.</param>
/// <param name="Query">The query string as sent.</param>
/// <param name="Body">The body (the run's log), at most the limit.</param>
/// <param name="BodyTruncated">True when the body was cut at the limit.</param>
/// <param name="DurationMs">For the end of a run, the time since its start, in milliseconds.</param>
public sealed record PingResponse(
    DateTimeOffset ReceivedAt,
    string Kind,
    int? ExitCode,
    string? RunId,
    string? Source,
    string? UserAgent,
    string? Query,
    string? Body,
    bool BodyTruncated,
    double? DurationMs);
