using System.Diagnostics;
using System.Net.Http.Json;
using Uplink.Web.Api;

namespace Uplink.Web.Heartbeats;

/// <summary>Runs <c>examples/heartbeat/sync-job.sh</c> with curl against a real server.</summary>
public sealed class SyncJobScriptTests(HeartbeatServerFixture fixture) : IClassFixture<HeartbeatServerFixture>
{
    [Fact]
    public async Task SyncJob_CommandSucceeds_PingsStartThenSuccessWithItsLog()
    {
        var (code, _) = await RunAsync("cleanup", "echo", "synced 7 photos");

        Assert.Equal(0, code);
        var pings = await PingsAsync("cleanup");
        Assert.Equal(["success", "start"], pings.Take(2).Select(p => p.Kind));
        Assert.Equal("synced 7 photos\n", pings[0].Body);
        Assert.Equal(pings[1].RunId, pings[0].RunId);
        Assert.NotNull(pings[0].DurationMs);
        Assert.Equal("sync-job.sh", pings[0].UserAgent);
    }

    [Fact]
    public async Task SyncJob_CommandFails_PingsTheExitCodeAndKeepsIt()
    {
        var (code, _) = await RunAsync("photo-export", "sh", "-c", "echo disk full >&2; exit 4");

        Assert.Equal(4, code);
        var last = (await PingsAsync("photo-export"))[0];
        Assert.Equal(("fail", 4, "disk full\n"), (last.Kind, last.ExitCode, last.Body));
    }

    private async Task<(int Code, string Output)> RunAsync(string heartbeat, params string[] command)
    {
        var heartbeats = await fixture.Server.Client.GetFromJsonAsync<List<HeartbeatResponse>>("api/heartbeats");
        var path = heartbeats!.Single(h => h.Name == heartbeat).PingPath!;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "examples", "heartbeat", "sync-job.sh"));
        foreach (var part in command)
        {
            info.ArgumentList.Add(part);
        }

        info.Environment["UPLINK_PING_URL"] = new Uri(fixture.Server.BaseAddress, path.TrimStart('/')).ToString();
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output);
    }

    private async Task<IReadOnlyList<PingResponse>> PingsAsync(string heartbeat)
    {
        var pings = await fixture.Server.Client.GetFromJsonAsync<PingsResponse>($"api/heartbeats/{heartbeat}/pings");
        return pings!.Pings;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Uplink.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Uplink.slnx.");
    }
}
