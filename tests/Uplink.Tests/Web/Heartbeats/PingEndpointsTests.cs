using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Heartbeats;
using Uplink.TestSupport;
using Uplink.Web.Api;

namespace Uplink.Web.Heartbeats;

public sealed class PingEndpointsTests(HeartbeatServerFixture fixture) : IClassFixture<HeartbeatServerFixture>
{
    private const string Token = HeartbeatServerFixture.Token;

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Ping_KnownToken_200AndTheHeartbeatIsUp()
    {
        using var response = await Client.GetAsync($"ping/{Token}?source=cron");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var heartbeat = await HeartbeatAsync("nightly-sync");
        Assert.Equal("up", heartbeat.State);
        Assert.Equal("success", heartbeat.LastPingKind);
        Assert.Equal(heartbeat.LastPingAt!.Value.AddHours(1), heartbeat.LateAt);
        Assert.Equal($"/ping/{Token}", heartbeat.PingPath);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("HEAD")]
    public async Task Ping_EachMethod_Accepted(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"ping/{Token}");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ping_StartThenSuccessWithRunId_StoresTheRunsDurationAndDetails()
    {
        var runId = Guid.NewGuid().ToString();
        using var start = await Client.GetAsync($"ping/{Token}/start?rid={runId}");
        var started = await HeartbeatAsync("nightly-sync");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"ping/{Token}/0?rid={runId}")
        {
            Content = new StringContent("synced 42 records", Encoding.UTF8),
        };
        request.Headers.UserAgent.ParseAdd("sync-job/1.0");
        using var end = await Client.SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (start.StatusCode, end.StatusCode));
        Assert.Equal("started", started.State);
        var ping = (await PingsAsync("nightly-sync")).First(p => p.RunId == runId && p.Kind == "success");
        Assert.Equal(0, ping.ExitCode);
        Assert.NotNull(ping.DurationMs);
        Assert.Equal("synced 42 records", ping.Body);
        Assert.Equal("sync-job/1.0", ping.UserAgent);
        Assert.Equal("127.0.0.1", ping.Source);
        Assert.Equal($"?rid={runId}", ping.Query);
    }

    [Fact]
    public async Task Ping_BodyOverTheLimit_KeepsTheFirst100KBAndMarksItTruncated()
    {
        var runId = Guid.NewGuid().ToString("N");
        using var content = new StringContent(new string('x', 150 * 1024), Encoding.ASCII);

        using var response = await Client.PostAsync($"ping/{Token}?rid={runId}", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ping = (await PingsAsync("nightly-sync")).Single(p => p.RunId == runId);
        Assert.True(ping.BodyTruncated);
        Assert.Equal(100 * 1024, ping.Body!.Length);
    }

    [Fact]
    public async Task Ping_BodyWithANulByte_IsKeptWhole()
    {
        var runId = Guid.NewGuid().ToString("N");
        using var content = new StringContent(new string('a', 1000) + "\0" + new string('b', 999), Encoding.ASCII);

        using var response = await Client.PostAsync($"ping/{Token}?rid={runId}", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ping = (await PingsAsync("nightly-sync")).Single(p => p.RunId == runId);
        Assert.Equal(new string('a', 1000) + "\u2400" + new string('b', 999), ping.Body);
    }

    [Theory]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    [InlineData("finish")]
    public async Task Ping_BadExitCodeOrAction_400(string action)
    {
        using var response = await Client.GetAsync($"ping/{Token}/{action}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("exit code from 0 to 255", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_SlugUnderTheKey_ReachesItsHeartbeatAndAFailureIsDown()
    {
        using var success = await Client.GetAsync($"ping/{HeartbeatServerFixture.Key}/photo-export");
        using var failure = await Client.GetAsync($"ping/{HeartbeatServerFixture.Key}/photo-export/3");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (success.StatusCode, failure.StatusCode));
        var heartbeat = await HeartbeatAsync("photo-export");
        Assert.Equal("down", heartbeat.State);
        Assert.Equal("the job reported failure with exit code 3", heartbeat.Reason);
        var result = await fixture.Server.WaitForResultAsync("photo-export", r => r.Error == heartbeat.Reason);
        Assert.Equal(Judging.Health.Down, result.Health);
    }

    [Fact]
    public async Task Ping_GeneratedToken_ListedAndAccepted()
    {
        var heartbeat = await HeartbeatAsync("cleanup");

        var path = Assert.IsType<string>(heartbeat.PingPath);

        using var response = await Client.GetAsync(path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(PingTokens.Problem(path["/ping/".Length..]));
    }

    [Fact]
    public async Task Ping_UnknownToken_404()
    {
        using var nearMiss = await Client.GetAsync($"ping/{Token[..^1]}0");
        using var farMiss = await Client.GetAsync("ping/nothing-like-a-token");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (nearMiss.StatusCode, farMiss.StatusCode));
    }

    [Fact]
    public async Task Ping_StorageFails_503NeverAFalse200()
    {
        await using var server = await StartServerAsync();
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            await connection.ExecuteAsync("ALTER TABLE heartbeat_pings RENAME TO heartbeat_pings_gone");
        }

        using var response = await server.Client.GetAsync($"ping/{Token}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("new", (await HeartbeatAsync("nightly-sync", server.Client)).State);
    }

    [Fact]
    public async Task Ping_QueueFullWhileTheDiskIsBusy_503AtOnceAndNo200BeforeTheCommit()
    {
        var options = new HeartbeatOptions { QueueCapacity = 2, MaxBatch = 1 };
        await using var server = await UplinkTestServer.StartAsync(
            HeartbeatServerFixture.Config(), new ScriptedHttpProbe(), services => services.AddSingleton(options));
        await using var blocker = new SqliteConnection($"Data Source={server.DatabasePath}");
        await blocker.OpenAsync();
        await blocker.ExecuteAsync("BEGIN IMMEDIATE");

        var pings = Enumerable.Range(0, 6).Select(i => server.Client.GetAsync($"ping/{Token}?rid=q{i}")).ToList();
        var refused = await Task.WhenAny(pings);
        var statusWhileBusy = (await refused).StatusCode;
        var stillWaiting = pings.Count(p => !p.IsCompleted);
        await blocker.ExecuteAsync("COMMIT");
        var statuses = (await Task.WhenAll(pings)).Select(r => r.StatusCode).ToList();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, statusWhileBusy);
        Assert.True(stillWaiting >= 1, "a ping taken into the queue waits for its commit");
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), await blocker.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM heartbeat_pings WHERE run_id LIKE 'q%'"));
    }

    [Fact]
    public async Task Ping_ManyUnknownFromOneSource_429ButKnownTokensStillAccepted()
    {
        await using var server = await StartServerAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var response = await server.Client.GetAsync($"ping/guess-{i}");
            statuses.Add(response.StatusCode);
        }

        using var known = await server.Client.GetAsync($"ping/{Token}");

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [Fact]
    public async Task Api_Heartbeats_ListsEveryHeartbeatWithItsSchedule()
    {
        var heartbeats = Assert.IsType<List<HeartbeatResponse>>(
            await Client.GetFromJsonAsync<List<HeartbeatResponse>>("api/heartbeats"));

        Assert.Equal(["nightly-sync", "photo-export", "cleanup", "paused-job"], heartbeats.Select(h => h.Name));
        var export = heartbeats[1];
        Assert.Equal(("0 3 * * *", "Europe/Berlin", 1800.0), (export.Schedule, export.TimeZone, export.GraceSeconds));
        Assert.Equal("paused", heartbeats[3].State);
    }

    [Fact]
    public async Task Api_PingsOfUnknownHeartbeat_404AndBadLimit_400()
    {
        using var unknown = await Client.GetAsync("api/heartbeats/nope/pings");
        using var badLimit = await Client.GetAsync("api/heartbeats/nightly-sync/pings?limit=0");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    private static Task<UplinkTestServer> StartServerAsync() =>
        UplinkTestServer.StartAsync(HeartbeatServerFixture.Config(), new ScriptedHttpProbe());

    private async Task<HeartbeatResponse> HeartbeatAsync(string name, HttpClient? client = null)
    {
        var heartbeats = await (client ?? Client).GetFromJsonAsync<List<HeartbeatResponse>>("api/heartbeats");
        return heartbeats!.Single(h => h.Name == name);
    }

    private async Task<IReadOnlyList<PingResponse>> PingsAsync(string name)
    {
        var pings = await Client.GetFromJsonAsync<PingsResponse>($"api/heartbeats/{name}/pings?limit=1000");
        return pings!.Pings;
    }
}
