using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Bench;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Probes;
using Uplink.Scheduling;

// Usage: SchedulerLoad <monitors> <seconds> <keep-alive|fresh> [max-concurrency]
var count = int.Parse(args[0], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[1], CultureInfo.InvariantCulture);
var keepAlive = args[2] == "keep-alive";
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 64;
var interval = TimeSpan.FromSeconds(30);
var timeout = TimeSpan.FromSeconds(5);

await using var target = await StartTargetAsync();
var port = new Uri(target.Services.GetRequiredService<IServer>().Features
    .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

var thresholds = Operations.BuiltIn[Operations.DataFetch];
var monitors = Enumerable.Range(0, count).Select(i => new MonitorDefinition
{
    Name = $"m{i}",
    Kind = MonitorKind.Http,
    Interval = interval,
    Timeout = timeout,
    Steps =
    [
        new StepDefinition
        {
            Name = $"m{i}",
            Url = Template.Parse($"http://127.0.0.1:{port}/{(i % 10 == 9 ? "hang" : "ok")}/{i}"),
            Operation = Operations.DataFetch,
            Thresholds = thresholds,
        },
    ],
}).ToList();

// The first interval spreads the first runs; lag is measured from then on.
var clock = TimeProvider.System;
var sink = new LagSink(clock.GetUtcNow() + interval);
var probe = new HttpProbe(clock, new HttpProbeOptions { ReuseConnections = keepAlive });
var runner = new CheckRunner(probe, clock);
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
var scheduler = new CheckScheduler(runner, sink, clock, new SchedulerOptions { MaxConcurrency = concurrency },
    NullLogger<CheckScheduler>.Instance);
scheduler.Start(monitors);

long peakWorkingSet = 0;
for (var s = 0; s < seconds; s++)
{
    await Task.Delay(1000);
    process.Refresh();
    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
}

var measured = seconds - interval.TotalSeconds;
var results = sink.Up + sink.NotUp;
var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds;
await scheduler.DisposeAsync();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {count} | {(keepAlive ? "keep-alive" : "fresh")} | {sink.Percentile(50):0.0} | {sink.Percentile(99):0.0} | "
    + $"{sink.Percentile(100):0.0} | {cpu * 100:0}% | {peakWorkingSet / (1024 * 1024)} MB | "
    + $"{GC.GetTotalMemory(false) / (1024 * 1024)} MB | {results / measured:0.0} | {sink.Up} / {sink.NotUp} |"));

static async Task<WebApplication> StartTargetAsync()
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseKestrel(k =>
    {
        k.Listen(IPAddress.Loopback, 0);
        k.Limits.MaxConcurrentConnections = null;
    });
    var app = builder.Build();
    app.MapGet("/ok/{i}", () => Results.Text("{\"ok\": true}", "application/json"));
    app.MapGet("/hang/{i}", async (HttpContext context) =>
        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => Results.Empty));
    await app.StartAsync();
    return app;
}
