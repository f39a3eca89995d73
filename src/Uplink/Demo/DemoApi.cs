using System.Net;
using System.Security.Cryptography;

namespace Uplink.Demo;

/// <summary>
/// A small stand-in mobile API on loopback for <c>uplink demo</c>: token refresh, profile,
/// configuration, search and upload. Some calls are slow or fail now and then, so the demo's
/// dashboard shows every health, not only green.
/// </summary>
public static class DemoApi
{
    public static WebApplication Build(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var tokens = new HashSet<string>(StringComparer.Ordinal);

        app.MapPost("/v1/auth/refresh", async () =>
        {
            await PauseAsync(40, 160, slowChance: 0.1, slowMs: 700);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            lock (tokens)
            {
                tokens.Add(token);
            }

            return Results.Ok(new { accessToken = token, expiresIn = 3600 });
        });

        app.MapGet("/v1/me", async (HttpRequest request) =>
        {
            await PauseAsync(30, 120, slowChance: 0.05, slowMs: 1200);
            var token = request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            bool known;
            lock (tokens)
            {
                known = tokens.Contains(token);
            }

            return known
                ? Results.Ok(new { id = 42, name = "Demo User", plan = "pro" })
                : Results.Unauthorized();
        });

        app.MapGet("/v1/config", async () =>
        {
            await PauseAsync(20, 90, slowChance: 0, slowMs: 0);
            var features = new { offlineSync = true, newFeed = false };
            return Results.Ok(new { minimumAppVersion = "5.2.0", features });
        });

        app.MapGet("/v1/search", async (string? q) =>
        {
            await PauseAsync(150, 450, slowChance: 0.25, slowMs: 1400);
            var items = Enumerable.Range(1, 12).Select(i => new { id = i, title = $"{q} result {i}" });
            return Results.Ok(new { query = q, total = 12, results = items });
        });

        app.MapPost("/v1/media", async (HttpRequest request) =>
        {
            await PauseAsync(300, 900, slowChance: 0.05, slowMs: 5500);
            if (Random.Shared.NextDouble() < 0.1)
            {
                return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Created("/v1/media/1", new { id = 1, size = body.Length });
        });

        return app;
    }

    private static Task PauseAsync(int minMs, int maxMs, double slowChance, int slowMs)
    {
        var ms = Random.Shared.NextDouble() < slowChance ? slowMs : Random.Shared.Next(minMs, maxMs);
        return Task.Delay(TimeSpan.FromMilliseconds(ms), TimeProvider.System);
    }
}
