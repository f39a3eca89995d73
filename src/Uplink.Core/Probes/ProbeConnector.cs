using System.Net;
using System.Net.Sockets;

namespace Uplink.Probes;

/// <summary>
/// Opens the probe's connections: resolves the host afresh (no cache between checks) and tries each
/// address in turn, timing both phases on the request's timeline. Every address is put to the egress
/// policy before the first connection attempt, so a refused address never receives a packet.
/// </summary>
internal sealed class ProbeConnector(
    Func<string, CancellationToken, Task<IPAddress[]>> resolve,
    Func<IPAddress[], int, CancellationToken, Task<Socket>>? connect = null)
{
    private readonly Func<IPAddress[], int, CancellationToken, Task<Socket>> _connect = connect ?? ConnectAnyAsync;

    public async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        ProbeTimeline timeline,
        EgressPolicy egress,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var literal = IPAddress.TryParse(host.Trim('[', ']'), out var address);
        timeline.ConnectionStarting(resolving: !literal);

        var addresses = literal ? [address!] : await ResolveAsync(host, cancellationToken);
        if (!literal)
        {
            timeline.Resolved();
        }

        Admit(addresses, egress);
        var socket = await _connect(addresses, context.DnsEndPoint.Port, cancellationToken);
        timeline.Connected(secure: context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttps);
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>
    /// Puts a proxied request's own target to the egress policy before anything is sent to the
    /// proxy, which would otherwise connect to it out of the policy's sight. An address literal is
    /// checked here; a name is resolved by the proxy, not here, so the proxy's own rules apply to it.
    /// </summary>
    public static void AdmitProxiedTarget(Uri target, EgressPolicy egress)
    {
        if (IPAddress.TryParse(target.Host.Trim('[', ']'), out var address))
        {
            Admit([address], egress);
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await resolve(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>Throws <see cref="EgressRefusedException"/> when the policy refuses any of the addresses.</summary>
    internal static void Admit(IPAddress[] addresses, EgressPolicy egress)
    {
        if (addresses.Select(egress.Refusal).FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw new EgressRefusedException(refusal);
        }
    }

    /// <summary>Connects to the first address that answers, in order.</summary>
    internal static async Task<Socket> ConnectAnyAsync(
        IPAddress[] addresses,
        int port,
        CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            var family = addresses[i].AddressFamily;
            var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(addresses[i], port), cancellationToken);
                return socket;
            }
            catch (SocketException) when (i < addresses.Length - 1)
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
