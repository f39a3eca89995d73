using Uplink.Checks;
using Uplink.Judging;

namespace Uplink.Bench;

/// <summary>Collects each result's schedule lag (start less planned time) and counts results by health.</summary>
internal sealed class LagSink(DateTimeOffset measureFrom) : IResultSink
{
    private readonly Lock _gate = new();
    private readonly List<double> _lagMs = [];

    public int Up { get; private set; }

    public int NotUp { get; private set; }

    public void Publish(CheckResult result)
    {
        if (result.PlannedAt < measureFrom)
        {
            return;
        }

        lock (_gate)
        {
            _lagMs.Add((result.StartedAt - result.PlannedAt).TotalMilliseconds);
            if (result.Health == Health.Up)
            {
                Up++;
            }
            else
            {
                NotUp++;
            }
        }
    }

    /// <summary>The nearest-rank percentile of the lags, and their maximum at 100.</summary>
    public double Percentile(double percent)
    {
        lock (_gate)
        {
            if (_lagMs.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _lagMs.Order().ToList();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }
}
