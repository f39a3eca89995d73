using System.Net;
using System.Text.Json;
using Uplink.TestSupport;

namespace Uplink.Web;

public sealed class ApiEndpointsTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private UplinkTestServer Server => fixture.Server;

    [Fact]
    public async Task ListMonitors_AfterFirstCheck_ShowsDefinitionsLatestResultAndNullForUnchecked()
    {
        await Server.WaitForResultAsync(ApiServerFixture.Catalog);

        using var json = await GetJsonAsync("api/monitors", HttpStatusCode.OK);

        var monitors = json.RootElement;
        Assert.Equal(4, monitors.GetArrayLength());
        var catalog = monitors[0];
        Assert.Equal("catalog", catalog.GetProperty("name").GetString());
        Assert.Equal("http", catalog.GetProperty("kind").GetString());
        Assert.Equal("core", catalog.GetProperty("group").GetString());
        Assert.Equal(3600, catalog.GetProperty("intervalSeconds").GetDouble());
        var step = catalog.GetProperty("steps")[0];
        Assert.Equal("data-fetch", step.GetProperty("operation").GetString());
        Assert.Equal(300, step.GetProperty("thresholds").GetProperty("targetMs").GetDouble());
        Assert.Equal(800, step.GetProperty("thresholds").GetProperty("warningMs").GetDouble());
        Assert.Equal(3000, step.GetProperty("thresholds").GetProperty("criticalMs").GetDouble());

        var latest = catalog.GetProperty("latest");
        Assert.Equal("degraded", latest.GetProperty("health").GetString());
        Assert.InRange(latest.GetProperty("durationMs").GetDouble(), 850, 10_000);
        Assert.True(latest.GetProperty("bytes").GetInt64() > 0);
        var error = latest.GetProperty("error").GetString();
        Assert.Contains("warning band of data-fetch", error, StringComparison.Ordinal);
        var latestStep = latest.GetProperty("steps")[0];
        Assert.Equal("warning", latestStep.GetProperty("band").GetString());
        Assert.Equal(200, latestStep.GetProperty("status").GetInt32());
        Assert.Equal(900, latestStep.GetProperty("durationMs").GetDouble());
        Assert.Equal(JsonValueKind.Null, latestStep.GetProperty("failure").ValueKind);

        var signIn = monitors[1];
        Assert.Equal("flow", signIn.GetProperty("kind").GetString());
        Assert.Equal(["refresh-token", "profile"], signIn.GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(200, signIn.GetProperty("steps")[0].GetProperty("thresholds").GetProperty("targetMs").GetDouble());
        Assert.Equal(JsonValueKind.Null, signIn.GetProperty("latest").ValueKind);
    }

    [Fact]
    public async Task Results_InRange_AnswersOldestFirstWithPhasesAndConditions()
    {
        await SeedSearchAsync();

        using var json = await GetJsonAsync(
            "api/monitors/search/results?from=2026-01-05T10:02:00Z&to=2026-01-05T10:06:00Z",
            HttpStatusCode.OK);

        var body = json.RootElement;
        Assert.Equal("search", body.GetProperty("monitor").GetString());
        Assert.Equal(T0.AddMinutes(2), body.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(T0.AddMinutes(6), body.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(500, body.GetProperty("limit").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            [T0.AddMinutes(2), T0.AddMinutes(3), T0.AddMinutes(4), T0.AddMinutes(5)],
            results.Select(r => r.GetProperty("startedAt").GetDateTimeOffset()));

        var step = results[0].GetProperty("steps")[0];
        Assert.Equal("up", results[0].GetProperty("health").GetString());
        Assert.Equal("local", results[0].GetProperty("region").GetString());
        Assert.Equal(120, step.GetProperty("durationMs").GetDouble());
        Assert.Equal("on-target", step.GetProperty("band").GetString());
        Assert.Equal("search", step.GetProperty("operation").GetString());
        Assert.Equal(66, step.GetProperty("timings").GetProperty("firstByteMs").GetDouble());
        Assert.Equal(6, step.GetProperty("timings").GetProperty("dnsMs").GetDouble());
        var condition = step.GetProperty("conditions")[0];
        Assert.True(condition.GetProperty("passed").GetBoolean());
        Assert.Equal("status (200) == 200", condition.GetProperty("text").GetString());
        Assert.Equal(0, step.GetProperty("redirects").GetInt32());
        Assert.Equal("CF-Cache-Status: HIT", step.GetProperty("cdnCache").GetString());
        Assert.Equal("2", step.GetProperty("httpVersion").GetString());
    }

    [Fact]
    public async Task Results_OverLimit_AnswersTheNewest()
    {
        await SeedSearchAsync();

        using var json = await GetJsonAsync(
            "api/monitors/search/results?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&limit=2",
            HttpStatusCode.OK);

        var started = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal([T0.AddMinutes(8), T0.AddMinutes(9)], started);
    }

    [Fact]
    public async Task Results_WithoutRange_AnswersTheLastHourUpToNow()
    {
        var now = TimeProvider.System.GetUtcNow();
        var old = await TestResults.MakeAsync(ApiServerFixture.RecentMonitor, now.AddMinutes(-61), Ms(100));
        var fresh = await TestResults.MakeAsync(ApiServerFixture.RecentMonitor, now.AddMinutes(-59), Ms(3500));
        await Server.Store.SaveAsync([old, fresh], CancellationToken.None);

        using var json = await GetJsonAsync("api/monitors/recent/results", HttpStatusCode.OK);

        var body = json.RootElement;
        var to = body.GetProperty("to").GetDateTimeOffset();
        Assert.InRange(to, now, now.AddSeconds(30));
        Assert.Equal(to.AddHours(-1), body.GetProperty("from").GetDateTimeOffset());
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal("critical", result.GetProperty("health").GetString());
        Assert.Equal("critical", result.GetProperty("steps")[0].GetProperty("band").GetString());
    }

    [Fact]
    public async Task Results_UnknownMonitor_Answers404NamingIt()
    {
        using var json = await GetJsonAsync("api/monitors/no-such-thing/results", HttpStatusCode.NotFound);

        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        var detail = json.RootElement.GetProperty("detail").GetString();
        Assert.Contains("'no-such-thing'", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=yesterday", "from: 'yesterday' is not an ISO 8601 time such as 2026-12-03T14:00:00Z")]
    [InlineData("to=12%2F03%2F2026", "to: '12/03/2026' is not an ISO 8601 time such as 2026-12-03T14:00:00Z")]
    [InlineData("limit=0", "limit: '0' is not a whole number from 1 to 5000")]
    [InlineData("limit=5001", "limit: '5001' is not a whole number from 1 to 5000")]
    [InlineData("limit=ten", "limit: 'ten' is not a whole number from 1 to 5000")]
    [InlineData(
        "from=2026-01-05T10:00:00Z&to=2026-01-05T10:00:00Z",
        "from: 2026-01-05T10:00:00Z is not before to (2026-01-05T10:00:00Z)")]
    [InlineData(
        "from=2026-01-05T11:00:00Z&to=2026-01-05T10:00:00Z",
        "from: 2026-01-05T11:00:00Z is not before to (2026-01-05T10:00:00Z)")]
    public async Task Results_BadParameter_Answers400NamingItAndTheExpectedForm(string query, string expected)
    {
        using var json = await GetJsonAsync("api/monitors/search/results?" + query, HttpStatusCode.BadRequest);

        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith(expected, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} for {path}: {text}");
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(text);
    }

    /// <summary>Ten results of the search monitor, a minute apart from <see cref="T0"/>; stored once.</summary>
    private async Task SeedSearchAsync()
    {
        var existing = await Server.Store.GetResultsAsync("search", T0, T0.AddHours(1), 100, CancellationToken.None);
        if (existing.Count > 0)
        {
            return;
        }

        var results = await TestResults.SeriesAsync(
            ApiServerFixture.SearchMonitor, T0, TimeSpan.FromMinutes(1), 10, _ => Ms(120));
        await Server.Store.SaveAsync(results, CancellationToken.None);
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
