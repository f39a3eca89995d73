using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Uplink.Probes;

namespace Uplink.TestSupport;

/// <summary>
/// A probe connector whose resolver answers from a fixed table and which records every name it resolved
/// and every address it tried to connect to, so a test can assert that no packet went somewhere.
/// </summary>
internal sealed class RecordingConnector
{
    private readonly IReadOnlyDictionary<string, IPAddress[]> _names;

    public RecordingConnector(IReadOnlyDictionary<string, IPAddress[]> names)
    {
        _names = names;
        Connector = new ProbeConnector(ResolveAsync, ConnectAsync);
    }

    public ProbeConnector Connector { get; }

    public ConcurrentQueue<string> Resolved { get; } = new();

    public ConcurrentQueue<IPAddress> Attempted { get; } = new();

    public static RecordingConnector Localhost() =>
        new(new Dictionary<string, IPAddress[]> { ["localhost"] = [IPAddress.Loopback] });

    private Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Resolved.Enqueue(host);
        return Task.FromResult(_names.TryGetValue(host, out var addresses) ? addresses : []);
    }

    private Task<Socket> ConnectAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            Attempted.Enqueue(address);
        }

        if (addresses.Any(a => !IPAddress.IsLoopback(a)))
        {
            // Tests only ever connect on loopback; reaching here is the failure the test looks for.
            throw new InvalidOperationException($"a test tried to connect to {string.Join(", ", addresses)}");
        }

        return ProbeConnector.ConnectAnyAsync(addresses, port, cancellationToken);
    }
}
