using System.CommandLine;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Cli;

/// <summary>
/// <c>uplink check</c>: runs every monitor once, now, prints a table and exits non-zero when any
/// monitor's health reaches the failing level. Made for CI pipelines.
/// </summary>
internal static class CheckCommand
{
    private const int MaxConcurrentChecks = 8;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = UplinkCommandLine.ConfigOption();
        var failOn = new Option<string>("--fail-on")
        {
            Description = "The health that makes the command fail: degraded, critical or down.",
            DefaultValueFactory = _ => "degraded",
        };
        failOn.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "degraded", "critical", "down");
        var command = new Command(
            "check",
            "Run every monitor once and print the results; exit 1 when any is unhealthy.")
        {
            config, failOn,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ConfigFile.Load(parse.GetRequiredValue(config), error);
            if (loaded is null)
            {
                return ExitCodes.BadConfig;
            }

            var results = await RunAllAsync(loaded, cancellationToken);
            CheckTable.Write(output, results);
            var threshold = HealthNames.ParseHealth(parse.GetRequiredValue(failOn).ToLowerInvariant());
            return results.Any(r => r.Health >= threshold) ? ExitCodes.Unhealthy : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<CheckResult>> RunAllAsync(
        UplinkConfig config,
        CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var runner = new CheckRunner(new HttpProbe(time), time);
        using var slots = new SemaphoreSlim(MaxConcurrentChecks);

        var checks = config.Monitors.Where(m => m.Kind != MonitorKind.Heartbeat).Select(async monitor =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await runner.RunAsync(monitor, time.GetUtcNow(), cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        });

        return await Task.WhenAll(checks);
    }
}
