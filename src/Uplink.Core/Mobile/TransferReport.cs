using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Mobile;

/// <summary>
/// A step's sizes, its projections onto the monitor's network profiles, what the response said
/// about the API's lifecycle, and the budgets it did not keep.
/// </summary>
public sealed record TransferReport
{
    public TransferFacts Facts { get; init; } = new();

    /// <summary>The wire size budget the step was judged by; null when none.</summary>
    public long? SizeBudget { get; init; }

    /// <summary>The profile the check ran on for real; null when it ran on the link as it is.</summary>
    public string? Emulated { get; init; }

    public IReadOnlyList<Projection> Projections { get; init; } = [];

    public ApiLifecycle? Lifecycle { get; init; }

    public IReadOnlyList<TransferFinding> Findings { get; init; } = [];

    /// <summary>The worst health the findings set; up when there are none.</summary>
    public Health Health => Findings.Count == 0 ? Health.Up : Findings.Max(f => f.Health);
}
