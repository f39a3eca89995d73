using Microsoft.Extensions.Time.Testing;
using Uplink.Judging;

namespace Uplink.Tls;

/// <summary>Expiry bands and pin rules at their exact boundary instants, on a fake clock.</summary>
public sealed class TlsJudgeTests
{
    private static readonly DateTimeOffset NotAfter = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string LeafPin = Convert.ToBase64String(new byte[32]);
    private static readonly string OtherPin = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string BackupPin = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Judge_ExactlyTwentyOneDaysLeft_StaysUp()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(21));

        Assert.Equal(Health.Up, Judge().Health);
    }

    [Fact]
    public void Judge_OneTickInsideTheWarningWindow_IsDegraded()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(21) + TimeSpan.FromTicks(1));

        var report = Judge();

        Assert.Equal(Health.Degraded, report.Health);
        Assert.Equal("certificate CN=api.test expires in 20 days, on 2027-03-01", report.Findings[0].Text);
    }

    [Fact]
    public void Judge_ExactlySevenDaysLeft_StaysDegraded()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(7));

        Assert.Equal(Health.Degraded, Judge().Health);
    }

    [Fact]
    public void Judge_OneTickInsideTheCriticalWindow_IsCritical()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(7) + TimeSpan.FromTicks(1));

        Assert.Equal(Health.Critical, Judge().Health);
    }

    [Fact]
    public void Judge_AtTheLastValidInstant_IsCriticalNotExpired()
    {
        _clock.SetUtcNow(NotAfter);

        Assert.Equal(Health.Critical, Judge().Health);
    }

    [Fact]
    public void Judge_OneTickAfterNotAfter_IsDownAsExpired()
    {
        _clock.SetUtcNow(NotAfter + TimeSpan.FromTicks(1));

        var report = Judge();

        Assert.Equal(Health.Down, report.Health);
        Assert.Equal("certificate CN=api.test expired on 2027-03-01", report.Findings[0].Text);
    }

    [Fact]
    public void Judge_ConfiguredBands_ReplaceTheDefaults()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(25));
        var policy = new TlsPolicy { Warning = TimeSpan.FromDays(30), Critical = TimeSpan.FromDays(10) };

        Assert.Equal(Health.Degraded, Judge(policy).Health);
    }

    [Fact]
    public void Judge_SeveralSetsUnmatched_NamesEveryRefusingAppVersion()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(90));
        var policy = new TlsPolicy { PinSets = [Set("ios-5.1", OtherPin), Set("android-4.0", OtherPin)] };

        var report = Judge(policy);

        Assert.Equal(Health.Critical, report.Health);
        Assert.Equal("no pin of ios-5.1, android-4.0 matches the served chain; those app versions will refuse "
            + "the server", report.Findings[0].Text);
    }

    [Fact]
    public void Judge_ExpiredPinSet_IsNoLongerEnforced()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(90));
        var expired = Set("android-3", OtherPin) with { Expires = _clock.GetUtcNow().AddDays(-1) };

        var report = Judge(new TlsPolicy { PinSets = [expired] });

        Assert.Equal(Health.Up, report.Health);
        Assert.False(report.PinSets.Single().Enforced);
    }

    [Fact]
    public void Judge_SetForAnotherDomain_IsIgnored()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(90));
        var elsewhere = Set("android other", OtherPin) with { Domains = ["other.test"] };

        Assert.Empty(Judge(new TlsPolicy { PinSets = [elsewhere] }).PinSets);
    }

    [Fact]
    public void Judge_LeafScopedPinOnAnIssuer_DoesNotMatch()
    {
        _clock.SetUtcNow(NotAfter - TimeSpan.FromDays(90));
        var set = new PinSet { Name = "ios api.test", Pins = [new(LeafPin, PinScope.Authority), new(BackupPin)] };

        Assert.Equal(Health.Critical, Judge(new TlsPolicy { PinSets = [set] }).Health);
    }

    private TlsReport Judge(TlsPolicy? policy = null) =>
        TlsJudge.Judge(Facts(), policy ?? TlsPolicy.Default, _clock.GetUtcNow());

    private static PinSet Set(string name, string pin) =>
        new() { Name = name, Pins = [new Pin(pin), new Pin(BackupPin)] };

    private static TlsFacts Facts() => new()
    {
        Host = "api.test",
        ServerName = "api.test",
        HostNameMatches = true,
        Trusted = true,
        Served = [Certificate("CN=api.test", LeafPin)],
        Validated = [Certificate("CN=api.test", LeafPin), Certificate("CN=Root", OtherPin, years: 10)],
    };

    private static CertificateFacts Certificate(string subject, string pin, int years = 0) => new()
    {
        Subject = subject,
        Issuer = "CN=Root",
        NotBefore = NotAfter.AddYears(-1),
        NotAfter = NotAfter.AddYears(years),
        KeyType = "ECDSA P-256",
        KeySize = 256,
        Pin = pin,
    };
}
