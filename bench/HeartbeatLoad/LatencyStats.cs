using System.Globalization;

namespace Uplink.Bench;

/// <summary>Acknowledgement latencies of one phase, and how many pings got 200 or something else.</summary>
internal sealed class LatencyStats
{
    private readonly List<double> _ms = [];
    private readonly Lock _gate = new();

    public int Acknowledged { get; private set; }

    public int Refused { get; private set; }

    public int Errors { get; private set; }

    public void Add(double ms, int status)
    {
        lock (_gate)
        {
            if (status == 200)
            {
                Acknowledged++;
                _ms.Add(ms);
            }
            else if (status == 503)
            {
                Refused++;
            }
            else
            {
                Errors++;
            }
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_ms.Count == 0)
            {
                return double.NaN;
            }

            _ms.Sort();
            return _ms[Math.Clamp((int)Math.Ceiling(p / 100 * _ms.Count) - 1, 0, _ms.Count - 1)];
        }
    }

    public string Summary(TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Acknowledged} acknowledged (200), {Refused} refused (503), {Errors} other; "
        + $"{Acknowledged / elapsed.TotalSeconds:0} pings/s over {elapsed.TotalSeconds:0.00} s; "
        + $"ack latency p50 {Percentile(50):0.0} ms, p99 {Percentile(99):0.0} ms, max {Percentile(100):0.0} ms");
}
