using System.Collections.Concurrent;
using Uplink.Checks;

namespace Uplink.Scheduling;

internal sealed class CollectingSink : IResultSink
{
    public ConcurrentQueue<CheckResult> Results { get; } = new();

    public void Publish(CheckResult result) => Results.Enqueue(result);
}
