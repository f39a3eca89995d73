using System.Net;
using Microsoft.Extensions.Time.Testing;
using Uplink.Checks;
using Uplink.Configuration;

namespace Uplink.TestSupport;

/// <summary>Results made by the real check runner against scripted answers, at chosen times.</summary>
public static class TestResults
{
    /// <summary>
    /// Checks <paramref name="monitor"/> once as if at <paramref name="at"/>, every step answering
    /// <paramref name="status"/> after <paramref name="stepDuration"/>.
    /// </summary>
    public static async Task<CheckResult> MakeAsync(
        MonitorDefinition monitor,
        DateTimeOffset at,
        TimeSpan stepDuration,
        HttpStatusCode status = HttpStatusCode.OK)
    {
        var probe = new ScriptedHttpProbe(waits: false);
        foreach (var step in monitor.Steps)
        {
            probe.Answer(step.Url.ToString(), status, stepDuration);
        }

        var runner = new CheckRunner(probe, new FakeTimeProvider(at));
        var result = await runner.RunAsync(monitor, at, CancellationToken.None);

        // The fake clock stands still while the runner works, so the total is the steps' sum.
        return result with { Duration = TimeSpan.FromTicks(result.Steps.Sum(s => s.Duration.Ticks)) };
    }

    /// <summary>
    /// Results every <paramref name="every"/> from <paramref name="first"/>, each step taking
    /// <paramref name="duration"/>(i) for the i-th result.
    /// </summary>
    public static async Task<IReadOnlyList<CheckResult>> SeriesAsync(
        MonitorDefinition monitor,
        DateTimeOffset first,
        TimeSpan every,
        int count,
        Func<int, TimeSpan> duration)
    {
        var results = new List<CheckResult>(count);
        for (var i = 0; i < count; i++)
        {
            results.Add(await MakeAsync(monitor, first + every * i, duration(i)));
        }

        return results;
    }
}
