using Uplink.Configuration;
using Uplink.TestSupport;

namespace Uplink.Web.Heartbeats;

/// <summary>A real server on loopback with heartbeats pinged by token, by slug and by a generated token.</summary>
public sealed class HeartbeatServerFixture : IAsyncLifetime
{
    public const string Token = "7c2e9a4f1b8d3e6a0c5f2b9e4d7a1c3f";
    public const string Key = "Pq8Zr3Kx6Wm1Tn4Vb7Yc2Hd5";

    public const string Yaml = $$"""
        heartbeats:
          key: {{Key}}
        monitors:
          - name: nightly-sync
            kind: heartbeat
            group: jobs
            period: 1h
            grace: 10m
            token: {{Token}}
          - name: photo-export
            kind: heartbeat
            group: jobs
            schedule: '0 3 * * *'
            timezone: Europe/Berlin
            grace: 30m
            slug: photo-export
          - name: cleanup
            kind: heartbeat
            period: 24h
            grace: 1h
          - name: paused-job
            kind: heartbeat
            period: 24h
            grace: 1h
            paused: true
        """;

    public UplinkTestServer Server { get; private set; } = default!;

    public static UplinkConfig Config()
    {
        var loaded = ConfigLoader.Parse(Yaml, "heartbeats.yaml", _ => null);
        return loaded.Config ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    }

    public async Task InitializeAsync() =>
        Server = await UplinkTestServer.StartAsync(Config(), new ScriptedHttpProbe());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
