using Uplink.Checks;

namespace Uplink.Judging;

/// <summary>Turns bands and step outcomes into a health.</summary>
public static class HealthJudge
{
    public static Health FromBand(LatencyBand band) => band switch
    {
        LatencyBand.Critical => Health.Critical,
        LatencyBand.Warning => Health.Degraded,
        _ => Health.Up,
    };

    /// <summary>
    /// The worst health of the steps; a flow over its budget is at least degraded. Returns the
    /// health and the reason for it (null when up).
    /// </summary>
    public static (Health Health, string? Reason) Judge(
        IReadOnlyList<StepResult> steps,
        TimeSpan total,
        TimeSpan? budget,
        bool nameSteps)
    {
        var health = Health.Up;
        string? reason = null;
        foreach (var step in steps)
        {
            var stepHealth = step.Health;
            if (stepHealth > health)
            {
                health = stepHealth;
                reason = Describe(step, nameSteps);
            }
        }

        if (budget is { } limit && total > limit && health < Health.Degraded)
        {
            health = Health.Degraded;
            reason = $"flow took {Durations.Format(total)}, over its budget of {Durations.Format(limit)}";
        }

        return (health, reason);
    }

    private static string Describe(StepResult step, bool nameStep)
    {
        var what = step.Failure
            ?? $"{Durations.Format(step.Duration)} is in the {step.Band.Name()} band of {step.Operation}";
        return nameStep ? $"step {step.Name}: {what}" : what;
    }
}
