using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;
using Uplink.TestSupport;

namespace Uplink.Checks;

/// <summary>Flows run through the real probe against a small mobile API on loopback.</summary>
public sealed class CheckRunnerTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _seen = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RunAsync_FlowPassesExtractedValuesToLaterSteps()
    {
        var monitor = Load("""
            monitors:
              - name: app-launch
                kind: flow
                steps:
                  - name: log-in
                    method: POST
                    url: BASE/login
                    operation: relaxed
                    body: '{"user": "demo"}'
                    extract:
                      token: $.session.token
                      request-id: { header: X-Request-Id }
                  - name: profile
                    url: BASE/users/{{request-id}}/me?token={{token}}
                    operation: relaxed
                    headers:
                      Authorization: Bearer {{token}}
                    body: 'trace={{request-id}}'
                    expect:
                      json:
                        $.name: Demo User
            """);

        var result = await RunAsync(monitor);

        Assert.True(result.Health == Health.Up, result.Error);
        Assert.Equal(["log-in", "profile"], result.Steps.Select(s => s.Name));
        Assert.Contains("GET /users/req-7/me?token=tok-42 auth=Bearer tok-42 body=trace=req-7", _seen);
        Assert.Equal(_server.Url("/users/req-7/me").ToString() + "?token=tok-42", result.Steps[1].Url);
    }

    [Fact]
    public async Task RunAsync_FailedStep_StopsTheFlowAndNamesTheStep()
    {
        var monitor = Load("""
            monitors:
              - name: app-launch
                kind: flow
                steps:
                  - name: log-in
                    method: POST
                    url: BASE/login-broken
                    operation: auth-refresh
                    expect:
                      status: 200
                    extract:
                      token: $.session.token
                  - name: profile
                    url: BASE/me?token={{token}}
                    operation: data-fetch
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Down, result.Health);
        Assert.Single(result.Steps);
        Assert.Equal("step log-in: status (503) == 200", result.Error);
        Assert.DoesNotContain(_seen, s => s.StartsWith("GET /me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ValueToExtractMissing_IsDownAndSaysWhichValue()
    {
        var monitor = Load("""
            monitors:
              - name: app-launch
                kind: flow
                steps:
                  - name: log-in
                    method: POST
                    url: BASE/login
                    operation: auth-refresh
                    extract:
                      token: $.session.refreshToken
                  - name: profile
                    url: BASE/me?token={{token}}
                    operation: data-fetch
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal("step log-in: cannot extract token from $.session.refreshToken: not found", result.Error);
    }

    [Fact]
    public async Task RunAsync_StepInWarningBand_IsDegraded()
    {
        var monitor = Load("""
            operations:
              quick:
                target: 1ms
                warning: 20ms
                critical: 10s
            monitors:
              - name: slow-config
                url: BASE/slow
                operation: quick
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Degraded, result.Health);
        Assert.Equal(LatencyBand.Warning, result.Steps[0].Band);
        Assert.Contains("is in the warning band of quick", result.Error);
    }

    [Fact]
    public async Task RunAsync_StepInCriticalBand_IsCritical()
    {
        var monitor = Load("""
            operations:
              instant:
                target: 1ms
                warning: 2ms
                critical: 20ms
            monitors:
              - name: slow-config
                url: BASE/slow
                operation: instant
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Critical, result.Health);
    }

    [Fact]
    public async Task RunAsync_FlowOverItsBudget_IsDegraded()
    {
        // Generous step thresholds, so that only the budget can make this flow degraded.
        var monitor = Load("""
            operations:
              relaxed: { target: 30s, warning: 40s, critical: 50s }
            monitors:
              - name: app-launch
                kind: flow
                budget: 50ms
                steps:
                  - name: first
                    url: BASE/slow
                    operation: relaxed
                  - name: second
                    url: BASE/slow
                    operation: relaxed
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Degraded, result.Health);
        Assert.StartsWith("flow took ", result.Error);
        Assert.EndsWith("over its budget of 50 ms", result.Error);
    }

    [Fact]
    public async Task RunAsync_RefusedTarget_IsDownNamingThePhase()
    {
        var port = _server.Port;
        await _server.DisposeAsync();
        _server = await LoopbackServer.StartAsync(HandleAsync);
        var monitor = Load($"""
            monitors:
              - name: gone
                url: http://127.0.0.1:{port}/health
                operation: data-fetch
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal(ProbePhase.Connect, result.Steps[0].FailedPhase);
        Assert.Equal("connection refused (in connect)", result.Error);
    }

    [Fact]
    public async Task RunAsync_ExtractedValueWithALineBreak_CannotAddAHeader()
    {
        var monitor = Load("""
            monitors:
              - name: app-launch
                kind: flow
                steps:
                  - name: log-in
                    url: BASE/hostile
                    operation: auth-refresh
                    extract:
                      token: $.token
                  - name: profile
                    url: BASE/me
                    operation: data-fetch
                    headers:
                      Authorization: Bearer {{token}}
            """);

        var result = await RunAsync(monitor);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal("step profile: header Authorization would contain a line break from an extracted value", result.Error);
        Assert.DoesNotContain(_seen, s => s.StartsWith("GET /me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ExtractedValueInsideAUrl_IsPercentEncoded()
    {
        var monitor = Load("""
            monitors:
              - name: app-launch
                kind: flow
                steps:
                  - name: log-in
                    url: BASE/hostile
                    operation: relaxed
                    extract:
                      name: $.name
                  - name: search
                    url: BASE/search/{{name}}?q={{name}}
                    operation: relaxed
            """);

        var result = await RunAsync(monitor);

        Assert.True(result.Health == Health.Up, result.Error);
        var encoded = "a%20b%2F..%2Fc%3Fd%23e";
        Assert.Equal($"{_server.Url("/").AbsoluteUri}search/{encoded}?q={encoded}", result.Steps[1].Url);
        Assert.Contains("search q=a b/../c?d#e", _seen);
    }

    private async Task<CheckResult> RunAsync(MonitorDefinition monitor)
    {
        var runner = new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System);
        return await runner.RunAsync(monitor, TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    private MonitorDefinition Load(string yaml)
    {
        // 'relaxed' thresholds let a test about values, not latency, pass on a starved machine.
        if (!yaml.Contains("operations:", StringComparison.Ordinal))
        {
            yaml = "operations:\n  relaxed: { target: 30s, warning: 40s, critical: 50s }\n" + yaml;
        }

        var loaded = ConfigLoader.Parse(yaml.Replace("BASE", _server.Url("/").ToString().TrimEnd('/')), "test", _ => null);
        Assert.True(loaded.Config is not null, string.Join("\n", loaded.Errors));
        return loaded.Config.Monitors.Single();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        _seen.Enqueue($"{request.Method} {request.Path}{request.QueryString} auth={request.Headers.Authorization} body={body}");

        switch (request.Path.Value)
        {
            case "/login":
                context.Response.Headers["X-Request-Id"] = "req-7";
                await context.Response.WriteAsJsonAsync(new { session = new { token = "tok-42" } });
                break;
            case "/hostile":
                await context.Response.WriteAsJsonAsync(new { token = "a\r\nX-Injected: 1", name = "a b/../c?d#e" });
                break;
            case "/login-broken":
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case "/slow":
                await Task.Delay(TimeSpan.FromMilliseconds(60));
                await context.Response.WriteAsync("{}");
                break;
            case { } path when path.StartsWith("/search/", StringComparison.Ordinal):
                _seen.Enqueue($"search q={request.Query["q"]}");
                break;
            default:
                var authorized = request.Headers.Authorization == "Bearer tok-42";
                context.Response.StatusCode = authorized ? 200 : 401;
                await context.Response.WriteAsJsonAsync(new { name = "Demo User" });
                break;
        }
    }
}
