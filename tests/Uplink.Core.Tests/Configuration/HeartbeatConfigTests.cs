using Uplink.Heartbeats;

namespace Uplink.Configuration;

public class HeartbeatConfigTests
{
    private const string Token = "3f9a1c7e5b2d4f60a8c1e3b5d7f9a2c4";
    private const string Key = "Kx7pQ2mZ9vR4tL8wN3yB6cD1";

    private const string Periodic = """
        monitors:
          - name: sync
            kind: heartbeat
            period: 1h
            grace: 10m
        """;

    private const string Scheduled = """
        monitors:
          - name: nightly
            kind: heartbeat
            schedule: '30 2 * * *'
            timezone: Europe/Berlin
            grace: 15m
        """;

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { Periodic.Replace("    period: 1h\n", ""), "monitors[0]", "a heartbeat needs 'period'" },
        { Periodic + "\n    schedule: '@daily'", "monitors[0].schedule", "either 'period' or 'schedule', not both" },
        { Periodic.Replace("    grace: 10m", "    timezone: UTC\n    grace: 10m"), "monitors[0].timezone",
            "'timezone' applies to a cron 'schedule'" },
        { Periodic.Replace("grace: 10m", "grace: 0s"), "monitors[0].grace", "must be more than zero" },
        { Periodic.Replace("grace: 10m", "grace: -1m"), "monitors[0].grace", "'-1m' is negative" },
        { Periodic.Replace("    grace: 10m", "    max-runtime: 5m"), "monitors[0]", "missing required key 'grace'" },
        { Periodic.Replace("period: 1h", "period: hourly"), "monitors[0].period", "'hourly' is not a duration" },
        { Periodic + "\n    max-runtime: 0ms", "monitors[0].max-runtime", "must be more than zero" },
        { Scheduled.Replace("30 2 * * *", "61 2 * * *"), "monitors[0].schedule", "is not a cron schedule" },
        { Scheduled.Replace("30 2 * * *", "30 2 * *"), "monitors[0].schedule", "write five fields" },
        { Scheduled.Replace("30 2 * * *", "@fortnightly"), "monitors[0].schedule", "is not a cron schedule" },
        { Scheduled.Replace("30 2 * * *", "0 0 30 2 *"), "monitors[0].schedule", "'0 0 30 2 *' never fires" },
        { Scheduled.Replace("Europe/Berlin", "Europe/Atlantis"), "monitors[0].timezone",
            "'Europe/Atlantis' is not a known IANA time zone" },
        { Periodic + "\n    token: secret", "monitors[0].token", "too easy to guess; use at least 22 random" },
        { Periodic + "\n    token: 3f9a1c7e5b2d4f60", "monitors[0].token", "at least 32 random hexadecimal digits" },
        { Periodic + "\n    token: 'has spaces in it which are not url safe'", "monitors[0].token",
            "use only letters, digits, '-' and '_'" },
        { Periodic + "\n    slug: nightly-sync", "monitors[0].slug", "set one under 'heartbeats: { key: ... }'" },
        { $"heartbeats: {{ key: {Key} }}\n" + Periodic + "\n    slug: Nightly_Sync", "monitors[0].slug",
            "'Nightly_Sync' is not a slug" },
        { $"heartbeats: {{ key: {Key} }}\n" + Periodic + $"\n    slug: a\n    token: {Token}", "monitors[0].token",
            "by 'token' or by 'slug', not both" },
        { "heartbeats: { key: short }\n" + Periodic, "heartbeats.key", "the key is not safe" },
        { "heartbeats: { secret: x }\n" + Periodic, "heartbeats.secret", "unknown key 'secret'" },
        { Periodic + $"\n    token: {Token}\n  - name: other\n    kind: heartbeat\n    period: 1h\n    grace: 1m\n" +
            $"    token: {Token}", "monitors[1].token", "this token is already used by monitors[0]" },
        { Periodic + "\n    url: https://api.example.com", "monitors[0].url",
            "a heartbeat waits for pings, so remove 'url'" },
        { Periodic + "\n    interval: 30s", "monitors[0].interval", "a heartbeat waits for pings" },
        { Periodic + "\n    paused: maybe", "monitors[0].paused", "'maybe' is not true or false" },
        { "monitors:\n  - name: api\n    url: https://a.example.com\n    operation: search\n    grace: 5m",
            "monitors[0].grace", "'grace' belongs to a heartbeat monitor; add 'kind: heartbeat'" },
        { Periodic.Replace("grace: 10m", "grace: 10m\n    graze: 1m"), "monitors[0].graze",
            "did you mean 'grace'?" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Parse_BadHeartbeat_ReportsPathAndMessage(string yaml, string path, string message)
    {
        var result = ConfigTestEnvironment.Parse(yaml);

        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PeriodHeartbeat_BindsPeriodGraceAndDefaultMaxRuntime()
    {
        var monitor = Assert.Single(ConfigTestEnvironment.ParseValid(Periodic + $"\n    token: {Token}").Monitors);

        Assert.Equal(MonitorKind.Heartbeat, monitor.Kind);
        Assert.Empty(monitor.Steps);
        var heartbeat = Assert.IsType<HeartbeatDefinition>(monitor.Heartbeat);
        Assert.Equal(TimeSpan.FromHours(1), heartbeat.Period);
        Assert.Equal(TimeSpan.FromMinutes(10), heartbeat.Grace);
        Assert.Equal(TimeSpan.FromMinutes(10), heartbeat.MaxRuntime);
        Assert.Equal(Token, heartbeat.Token);
        Assert.Null(heartbeat.Schedule);
    }

    [Fact]
    public void Parse_ScheduledHeartbeat_BindsCronZoneAndMaxRuntime()
    {
        var config = ConfigTestEnvironment.ParseValid(
            $"heartbeats: {{ key: {Key} }}\n" + Scheduled + "\n    max-runtime: 1h\n    slug: nightly-sync");

        var heartbeat = Assert.IsType<HeartbeatDefinition>(Assert.Single(config.Monitors).Heartbeat);
        Assert.Equal(Key, config.HeartbeatKey);
        Assert.Equal("30 2 * * *", heartbeat.ScheduleText);
        Assert.Equal("Europe/Berlin", heartbeat.TimeZone.Id);
        Assert.Equal(TimeSpan.FromHours(1), heartbeat.MaxRuntime);
        Assert.Equal("nightly-sync", heartbeat.Slug);
    }

    [Theory]
    [InlineData("@daily")]
    [InlineData("@hourly")]
    [InlineData("@weekly")]
    [InlineData("0 3 * * 7")]
    [InlineData("*/15 9-17 * * MON-FRI")]
    public void Parse_CronShortcutsAndSundayAsSeven_Accepted(string schedule)
    {
        var config = ConfigTestEnvironment.ParseValid(Scheduled.Replace("30 2 * * *", schedule));

        Assert.NotNull(Assert.Single(config.Monitors).Heartbeat!.Schedule);
    }

    [Fact]
    public void Parse_ScheduleWithoutZone_RunsInUtc()
    {
        var config = ConfigTestEnvironment.ParseValid(Scheduled.Replace("    timezone: Europe/Berlin\n", ""));

        Assert.Equal(TimeZoneInfo.Utc, Assert.Single(config.Monitors).Heartbeat!.TimeZone);
    }
}
