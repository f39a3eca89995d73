using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;

namespace Uplink.Scheduling;

/// <summary>
/// A check runner for scheduler tests: it records when each check started on the fake clock and,
/// for monitors named as hung, never finishes until it is cancelled, like a target that accepts
/// a connection and never answers.
/// </summary>
internal sealed class RecordingRunner(FakeTimeProvider time, params string[] hung) : ICheckRunner
{
    public ConcurrentQueue<(string Monitor, DateTimeOffset Planned, DateTimeOffset Started)> Runs { get; } = new();

    public async Task<CheckResult> RunAsync(MonitorDefinition monitor, DateTimeOffset plannedAt, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        Runs.Enqueue((monitor.Name, plannedAt, started));
        if (hung.Contains(monitor.Name))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }

        return new CheckResult
        {
            Monitor = monitor.Name,
            Region = CheckRunner.LocalRegion,
            PlannedAt = plannedAt,
            StartedAt = started,
            Duration = TimeSpan.Zero,
            Health = Health.Up,
            Steps = [],
        };
    }

    public List<DateTimeOffset> StartsOf(string monitor) =>
        Runs.Where(r => r.Monitor == monitor).Select(r => r.Started).ToList();
}
