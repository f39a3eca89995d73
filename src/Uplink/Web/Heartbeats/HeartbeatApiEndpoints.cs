using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Uplink.Configuration;
using Uplink.Heartbeats;
using Uplink.Hosting;
using Uplink.Storage;
using Uplink.Web.Api;

namespace Uplink.Web.Heartbeats;

/// <summary>The heartbeats' JSON API: every heartbeat with its state, and a heartbeat's pings.</summary>
public static class HeartbeatApiEndpoints
{
    /// <summary>The most pings one request returns.</summary>
    public const int MaxPings = 1000;

    private const int DefaultPings = 100;

    public static IEndpointRouteBuilder MapHeartbeatApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/heartbeats", ListHeartbeats);
        app.MapGet("/api/heartbeats/{name}/pings", GetPingsAsync);
        return app;
    }

    /// <summary>A heartbeat as the API and the dashboard show it.</summary>
    public static HeartbeatResponse Describe(
        MonitorDefinition monitor,
        HeartbeatTracker tracker,
        PingDirectory directory)
    {
        var heartbeat = monitor.Heartbeat!;
        var status = tracker.Status(monitor.Name);
        var history = tracker.History(monitor.Name);
        return new HeartbeatResponse(
            monitor.Name,
            monitor.Group,
            (status?.State ?? HeartbeatState.New).Name(),
            status?.Reason,
            status?.Since ?? tracker.WatchingSince,
            history.LastPingAt,
            history.LastKind?.Name(),
            status?.LateAt,
            status?.DownAt,
            heartbeat.Period?.TotalSeconds,
            heartbeat.ScheduleText,
            heartbeat.Schedule is null ? null : heartbeat.TimeZone.Id,
            heartbeat.Grace.TotalSeconds,
            heartbeat.MaxRuntime.TotalSeconds,
            directory.PathOf(monitor.Name));
    }

    public static PingResponse ToResponse(this Ping ping) => new(
        ping.ReceivedAt,
        ping.Kind.Name(),
        ping.ExitCode,
        ping.RunId,
        ping.Source,
        ping.UserAgent,
        ping.Query,
        ping.Body,
        ping.BodyTruncated,
        ping.Duration is { } d ? Math.Round(d.TotalMilliseconds, 1) : null);

    private static IReadOnlyList<HeartbeatResponse> ListHeartbeats(
        MonitorCatalog catalog,
        HeartbeatTracker tracker,
        PingDirectory directory) =>
        [.. catalog.Monitors.Where(m => m.Kind == MonitorKind.Heartbeat).Select(m => Describe(m, tracker, directory))];

    private static async Task<IResult> GetPingsAsync(
        string name,
        [FromQuery] string? limit,
        MonitorCatalog catalog,
        SqliteHeartbeatStore store,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is not { Kind: MonitorKind.Heartbeat })
        {
            return TypedResults.Problem(
                detail: $"There is no heartbeat named '{name}'; GET /api/heartbeats lists them.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown heartbeat");
        }

        var count = DefaultPings;
        if (limit is not null && !TryReadLimit(limit, out count))
        {
            return TypedResults.Problem(
                detail: $"'limit' must be a whole number from 1 to {MaxPings}; it was '{limit}'.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid query parameter");
        }

        var pings = await store.GetPingsAsync(name, count, cancellationToken);
        return TypedResults.Ok(new PingsResponse(name, count, [.. pings.Select(p => p.ToResponse())]));
    }

    private static bool TryReadLimit(string text, out int limit) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxPings;
}
