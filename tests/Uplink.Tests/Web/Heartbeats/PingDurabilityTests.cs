using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Uplink.TestSupport;

namespace Uplink.Web.Heartbeats;

public sealed class PingDurabilityTests : IDisposable
{
    private const int Workers = 48;
    private const int PingsPerWorker = 150;
    private const int KillAfterAcks = 600;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uplink-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serve_KilledDuringABurst_EveryAcknowledgedPingIsStoredOnce()
    {
        Directory.CreateDirectory(_folder);
        var config = Path.Combine(_folder, "uplink.yaml");
        await File.WriteAllTextAsync(config, HeartbeatServerFixture.Yaml);
        var port = UplinkProcess.FreePort();
        var data = Path.Combine(_folder, "data");
        await using var uplink = UplinkProcess.Start(
            new Dictionary<string, string>(),
            "serve", "--config", config, "--urls", $"http://127.0.0.1:{port}", "--data", data);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WaitUntilServingAsync(client, uplink);

        var acknowledged = new ConcurrentBag<string>();
        using var killed = new CancellationTokenSource();
        var burst = Enumerable.Range(0, Workers)
            .Select(w => PingUntilKilledAsync(client, w, acknowledged, killed.Token));
        var bursting = Task.WhenAll(burst);
        while (acknowledged.Count < KillAfterAcks && !bursting.IsCompleted)
        {
            await Task.Delay(5);
        }

        await uplink.KillAsync();
        await killed.CancelAsync();
        await bursting;

        var stored = await StoredRunIdsAsync(Path.Combine(data, "uplink.db"));
        Assert.True(acknowledged.Count >= KillAfterAcks, $"only {acknowledged.Count} pings were acknowledged");
        Assert.True(acknowledged.Count < Workers * PingsPerWorker, "the kill came after the burst had ended");
        Assert.All(acknowledged, runId => Assert.Equal(1, stored.GetValueOrDefault(runId)));
        Assert.All(stored, row => Assert.Equal(1, row.Value));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task PingUntilKilledAsync(
        HttpClient client,
        int worker,
        ConcurrentBag<string> acknowledged,
        CancellationToken killed)
    {
        for (var i = 0; i < PingsPerWorker && !killed.IsCancellationRequested; i++)
        {
            var runId = $"w{worker}-{i}";
            try
            {
                using var response = await client.GetAsync($"ping/{HeartbeatServerFixture.Token}?rid={runId}", killed);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(runId);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task WaitUntilServingAsync(HttpClient client, UplinkProcess uplink)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("api/heartbeats");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("uplink serve did not answer within 30 s:\n" + uplink.Output);
    }

    private static async Task<Dictionary<string, long>> StoredRunIdsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        var rows = await connection.QueryAsync<(string RunId, long Count)>(
            "SELECT run_id, COUNT(*) FROM heartbeat_pings WHERE run_id IS NOT NULL GROUP BY run_id");
        return rows.ToDictionary(r => r.RunId, r => r.Count, StringComparer.Ordinal);
    }
}
