using Microsoft.Data.Sqlite;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;
using Uplink.TestSupport;

namespace Uplink.Storage;

public class SqliteResultStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_ThenRestart_ReadsTheSameResultsBack()
    {
        using var folder = new TempFolder();
        var flow = FlowResult(At);
        var down = DownResult(At.AddSeconds(30));

        var first = new SqliteResultStore(folder.Path);
        await first.InitializeAsync(CancellationToken.None);
        await first.SaveAsync([flow, down], CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var second = new SqliteResultStore(folder.Path);
        await second.InitializeAsync(CancellationToken.None);
        var read = await second.GetResultsAsync("app-launch", At, At.AddMinutes(1), 100, CancellationToken.None);

        Assert.Equal(2, read.Count);
        AssertSame(flow, read[0]);
        AssertSame(down, read[1]);
    }

    [Fact]
    public async Task SaveAsync_StepWithTlsReport_ReadsItBack()
    {
        using var folder = new TempFolder();
        var facts = new Tls.TlsFacts
        {
            Host = "api.test",
            ServerName = "api.test",
            Trusted = true,
            HostNameMatches = true,
            Protocol = "TLS 1.3",
            Cipher = "TLS_AES_128_GCM_SHA256",
            Served =
            [
                new Tls.CertificateFacts
                {
                    Subject = "CN=api.test",
                    Issuer = "CN=CA",
                    NotBefore = At.AddDays(-1),
                    NotAfter = At.AddDays(5),
                    KeyType = "ECDSA P-256",
                    KeySize = 256,
                    Pin = "7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=",
                    DnsNames = ["api.test"],
                },
            ],
        };
        var report = Tls.TlsJudge.Judge(facts, Tls.TlsPolicy.Default, At);
        var result = DownResult(At) with { Steps = [DownResult(At).Steps[0] with { Tls = report }] };
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);

        await store.SaveAsync([result], CancellationToken.None);

        var read = (await store.GetLatestAsync(CancellationToken.None))[result.Monitor].Steps[0].Tls;
        Assert.NotNull(read);
        var served = Assert.Single(read.Facts.Served);
        Assert.Equal(
            (facts.Served[0].Subject, facts.Served[0].Pin, facts.Served[0].NotAfter, facts.Served[0].KeyType),
            (served.Subject, served.Pin, served.NotAfter, served.KeyType));
        Assert.Equal(["api.test"], served.DnsNames);
        Assert.Equal("TLS 1.3", read.Facts.Protocol);
        Assert.Equal(report.Findings, read.Findings);
        Assert.Equal(Health.Critical, read.Health);
        Assert.Equal(At.AddDays(5), read.Facts.EarliestExpiry);
    }

    [Fact]
    public async Task SaveAsync_StepWithVersionRedirectsAndCdnCache_ReadsThemBack()
    {
        using var folder = new TempFolder();
        var step = FlowResult(At).Steps[0] with
        {
            HttpVersion = "2",
            Redirects = 2,
            CdnCache = "CF-Cache-Status: HIT; Age: 30",
        };
        var result = FlowResult(At) with { Steps = [step] };
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);

        await store.SaveAsync([result], CancellationToken.None);

        var read = (await store.GetLatestAsync(CancellationToken.None))[result.Monitor].Steps[0];
        Assert.Equal(("2", 2, "CF-Cache-Status: HIT; Age: 30"), (read.HttpVersion, read.Redirects, read.CdnCache));
    }

    [Fact]
    public async Task SaveAsync_VariantWithSizesAndProjections_ReadsThemBack()
    {
        using var folder = new TempFolder();
        var transfer = new Mobile.TransferReport
        {
            Facts = new TransferFacts
            {
                WireBytes = 5000,
                HeaderBytes = 200,
                DecodedBytes = 20000,
                ContentEncoding = "br",
            },
            SizeBudget = 4096,
            Projections = [new Mobile.Projection("3g", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15))],
            Lifecycle = new Mobile.ApiLifecycle { Sunset = "Wed, 30 Jun 2027", SunsetAt = At.AddDays(200) },
            Findings = [new Mobile.TransferFinding(Health.Degraded, "4.9 KB is over the size budget of 4 KB")],
        };
        var flow = FlowResult(At);
        var result = flow with
        {
            Monitor = "profile[v2, 5.1]",
            Variant = new Mobile.MonitorVariant("profile", "v2", "5.1"),
            Steps = [flow.Steps[0] with { Transfer = transfer }],
        };
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);

        await store.SaveAsync([result], CancellationToken.None);

        var read = (await store.GetLatestAsync(CancellationToken.None))[result.Monitor];
        Assert.Equal(result.Variant, read.Variant);
        var stored = read.Steps[0].Transfer!;
        Assert.Equal(transfer.Facts, stored.Facts);
        Assert.Equal(transfer.Projections, stored.Projections);
        Assert.Equal(transfer.Lifecycle, stored.Lifecycle);
        Assert.Equal(transfer.Findings, stored.Findings);
        Assert.Equal(Health.Degraded, read.Steps[0].Health);
    }

    [Fact]
    public async Task InitializeAsync_OnAnExistingDatabase_KeepsItsDataAndSchemaVersion()
    {
        using var folder = new TempFolder();
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveAsync([FlowResult(At)], CancellationToken.None);

        await store.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version; ";
        Assert.Equal((long)SqliteMigrations.Steps.Count, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        Assert.Single(await store.GetResultsAsync("app-launch", At, At.AddMinutes(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task GetResultsAsync_RangeAndLimit_ReturnsTheNewestInsideTheRangeOldestFirst()
    {
        using var folder = new TempFolder();
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveAsync(
            Enumerable.Range(0, 10).Select(i => FlowResult(At.AddSeconds(30 * i))).ToList(),
            CancellationToken.None);

        var read = await store.GetResultsAsync("app-launch", At.AddSeconds(30), At.AddSeconds(240), 3, CancellationToken.None);

        Assert.Equal([At.AddSeconds(150), At.AddSeconds(180), At.AddSeconds(210)], read.Select(r => r.StartedAt));
    }

    [Fact]
    public async Task GetLatestAsync_SeveralMonitors_GivesEachOnesNewest()
    {
        using var folder = new TempFolder();
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveAsync(
            [FlowResult(At), DownResult(At.AddSeconds(5)) with { Monitor = "search" }, FlowResult(At.AddSeconds(30))],
            CancellationToken.None);

        var latest = await store.GetLatestAsync(CancellationToken.None);

        Assert.Equal(At.AddSeconds(30), latest["app-launch"].StartedAt);
        Assert.Equal(Health.Down, latest["search"].Health);
    }

    private static void AssertSame(CheckResult expected, CheckResult actual)
    {
        Assert.Equal(expected with { Steps = [] }, actual with { Steps = [] });
        Assert.Equal(expected.Steps.Count, actual.Steps.Count);
        for (var i = 0; i < expected.Steps.Count; i++)
        {
            var e = expected.Steps[i];
            var a = actual.Steps[i];
            Assert.Equal(e with { Conditions = [] }, a with { Conditions = [] });
            Assert.Equal(e.Conditions, a.Conditions);
        }
    }

    private static CheckResult FlowResult(DateTimeOffset startedAt) => new()
    {
        Monitor = "app-launch",
        Region = "local",
        PlannedAt = startedAt,
        StartedAt = startedAt,
        Duration = TimeSpan.FromMilliseconds(612.5),
        Health = Health.Degraded,
        Error = "step profile: 900 ms is in the warning band of data-fetch",
        Steps =
        [
            Step("log-in", Operations.AuthRefresh, 150.25, LatencyBand.OnTarget, new ConditionOutcome(true, "status (200) == 200")),
            Step("profile", Operations.DataFetch, 900, LatencyBand.Warning, new ConditionOutcome(true, "$.name (\"demo\") == \"demo\"")),
        ],
    };

    private static CheckResult DownResult(DateTimeOffset startedAt) => new()
    {
        Monitor = "app-launch",
        Region = "local",
        PlannedAt = startedAt,
        StartedAt = startedAt,
        Duration = TimeSpan.FromMilliseconds(3),
        Health = Health.Down,
        Error = "step log-in: connection refused (in connect)",
        Steps =
        [
            Step("log-in", Operations.AuthRefresh, 3, LatencyBand.OnTarget) with
            {
                StatusCode = null,
                FailedPhase = ProbePhase.Connect,
                Error = "connection refused (in connect)",
                Timings = new PhaseTimings(TimeSpan.FromMilliseconds(1), null, null, null, null),
                BytesReceived = 0,
            },
        ],
    };

    private static StepResult Step(string name, string operation, double ms, LatencyBand band, params ConditionOutcome[] conditions) => new()
    {
        Name = name,
        Operation = operation,
        Thresholds = Operations.BuiltIn[operation],
        Method = "POST",
        Url = "https://api.example.test/v1/" + name,
        StatusCode = 200,
        Duration = TimeSpan.FromMilliseconds(ms),
        Band = band,
        Timings = new PhaseTimings(
            TimeSpan.FromMilliseconds(1.5), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(10),
            TimeSpan.FromMilliseconds(ms - 20), TimeSpan.FromMilliseconds(6.5)),
        BytesReceived = 2048,
        Conditions = conditions,
    };
}
