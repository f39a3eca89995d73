using Microsoft.AspNetCore.Mvc;
using Uplink.Checks;
using Uplink.Hosting;
using Uplink.Storage;
using Uplink.Web.Api;

namespace Uplink.Web;

/// <summary>
/// The JSON API: the monitors with their newest results, and each monitor's results over a time
/// range. Errors are problem details (RFC 9457) whose detail names what to change.
/// </summary>
public static class ApiEndpoints
{
    public static WebApplication MapUplinkApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/monitors", ListMonitors);
        api.MapGet("/monitors/{name}/results", GetResultsAsync);
        api.MapGet("/certificates", ListCertificates);
        return app;
    }

    private static IReadOnlyList<MonitorResponse> ListMonitors(MonitorCatalog catalog, LatestResults latest) =>
        [.. catalog.Monitors.Select(m => m.ToResponse(latest.Get(m.Name)))];

    private static IReadOnlyList<CertificateHostResponse> ListCertificates(
        MonitorCatalog catalog,
        LatestResults latest,
        TimeProvider timeProvider) =>
        CertificateMapping.List(catalog, latest, timeProvider.GetUtcNow());

    private static async Task<IResult> GetResultsAsync(
        string name,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? limit,
        MonitorCatalog catalog,
        IResultStore store,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is null)
        {
            return TypedResults.Problem(
                detail: $"There is no monitor named '{name}'; GET /api/monitors lists them.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown monitor");
        }

        if (!ResultQuery.TryParse(from, to, limit, timeProvider.GetUtcNow(), out var query, out var problem))
        {
            return TypedResults.Problem(
                detail: problem,
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid query parameter");
        }

        var results = await store.GetResultsAsync(name, query.From, query.To, query.Limit, cancellationToken);
        return TypedResults.Ok(new ResultsResponse(
            name,
            query.From,
            query.To,
            query.Limit,
            [.. results.Select(r => r.ToResponse())]));
    }
}
