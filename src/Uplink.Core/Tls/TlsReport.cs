using Uplink.Judging;

namespace Uplink.Tls;

/// <summary>A handshake's facts judged by a monitor's policy at one moment.</summary>
public sealed record TlsReport
{
    public required TlsFacts Facts { get; init; }

    /// <summary>What is wrong or will go wrong, worst first.</summary>
    public IReadOnlyList<TlsFinding> Findings { get; init; } = [];

    /// <summary>Each configured pin set and the served certificates it matched.</summary>
    public IReadOnlyList<PinSetMatch> PinSets { get; init; } = [];

    /// <summary>The worst health among the findings; up when there are none.</summary>
    public Health Health => Findings.Count == 0 ? Health.Up : Findings.Max(f => f.Health);
}
