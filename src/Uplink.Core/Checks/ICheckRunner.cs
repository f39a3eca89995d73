using Uplink.Configuration;

namespace Uplink.Checks;

/// <summary>Runs one check of a monitor. Never throws for a target's failure.</summary>
public interface ICheckRunner
{
    Task<CheckResult> RunAsync(
        MonitorDefinition monitor,
        DateTimeOffset plannedAt,
        CancellationToken cancellationToken);
}
