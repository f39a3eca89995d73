using System.Net;
using Uplink.Probes;

namespace Uplink.Configuration;

public sealed class RequestSettingsConfigTests
{
    private const string Api = """
        monitors:
          - name: api
            url: https://api.example.com/health
            operation: data-fetch
        """;

    [Fact]
    public void Parse_NoTransportKeys_UsesTheDefaults()
    {
        var monitor = ConfigTestEnvironment.ParseValid(Api).Monitors[0];

        Assert.Equal(RequestSettings.Default, monitor.Requests);
        Assert.Equal(10, monitor.Requests.MaxRedirects);
        Assert.False(monitor.Requests.Egress.DenyPrivate);
    }

    [Fact]
    public void Parse_EveryTransportKey_BindsIt()
    {
        var monitor = ConfigTestEnvironment.ParseValid(Api + """

                redirects: 3
                max-body: 2MB
                http-version: 2
                proxy: http://proxy.internal:3128
                egress: { private: deny }
            """).Monitors[0];

        Assert.Equal(3, monitor.Requests.MaxRedirects);
        Assert.Equal(2 * 1024 * 1024, monitor.Requests.MaxBodyBytes);
        Assert.Equal(HttpVersion.Version20, monitor.Requests.HttpVersion);
        Assert.Equal(new Uri("http://proxy.internal:3128"), monitor.Requests.Proxy);
        Assert.True(monitor.Requests.Egress.DenyPrivate);
    }

    [Fact]
    public void Parse_FollowRedirectsFalse_FollowsNone()
    {
        var monitor = ConfigTestEnvironment.ParseValid(Api + "\n    follow-redirects: false").Monitors[0];

        Assert.Equal(0, monitor.Requests.MaxRedirects);
    }

    [Fact]
    public void Parse_TopLevelEgress_AppliesToEveryMonitorUnlessItSaysOtherwise()
    {
        var config = ConfigTestEnvironment.ParseValid("egress: { private: deny }\n" + Api + """

              - name: lab
                url: http://192.168.1.10/health
                operation: data-fetch
                egress: { private: allow }
            """);

        Assert.True(config.Monitors[0].Requests.Egress.DenyPrivate);
        Assert.False(config.Monitors[1].Requests.Egress.DenyPrivate);
    }

    [Theory]
    [InlineData("redirects: many", "monitors[0].redirects", "'many' is not a number of redirects from 0 to 50")]
    [InlineData("follow-redirects: no", "monitors[0].follow-redirects", "'no' is not true or false")]
    [InlineData("max-body: huge", "monitors[0].max-body", "'huge' is not a body size")]
    [InlineData("http-version: 3", "monitors[0].http-version", "'3' is not an HTTP version Uplink speaks")]
    [InlineData("proxy: socks5://p:1080", "monitors[0].proxy", "'socks5://p:1080' is not an http proxy address")]
    [InlineData("egress: { private: maybe }", "monitors[0].egress.private", "'maybe' is not allow or deny")]
    public void Parse_BadTransportKey_NamesItsPath(string line, string path, string message)
    {
        var result = ConfigTestEnvironment.Parse(Api + "\n    " + line);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TransportKeyOnATlsMonitor_IsMisplaced()
    {
        var result = ConfigTestEnvironment.Parse("""
            monitors:
              - name: cert
                kind: tls
                host: api.example.com
                redirects: 3
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("monitors[0].redirects", error.Path);
        Assert.Contains("does not apply to a tls monitor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Plan_CarriesEverySetting()
    {
        var settings = new RequestSettings
        {
            MaxRedirects = 0,
            MaxBodyBytes = 5,
            HttpVersion = HttpVersion.Version20,
            Proxy = new Uri("http://proxy.internal:3128"),
            Egress = new EgressPolicy { DenyPrivate = true },
        };
        var plain = new HttpRequestPlan("GET", new Uri("https://a.example"), [], null, TimeSpan.FromSeconds(1));

        var plan = settings.Apply(plain);

        Assert.Equal((0, 5L, HttpVersion.Version20), (plan.MaxRedirects, plan.MaxBodyBytes, plan.HttpVersion));
        Assert.Equal(settings.Proxy, plan.Proxy);
        Assert.Same(settings.Egress, plan.Egress);
    }
}
