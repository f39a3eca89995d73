using System.Net;
using System.Net.Sockets;

namespace Uplink.TestSupport;

/// <summary>
/// A bare TCP listener on 127.0.0.1 for answers no HTTP server would give: a reset, a body cut short.
/// It serves one connection with the given script.
/// </summary>
internal sealed class RawServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    private RawServer(Func<Socket, Task> script)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Served = ServeAsync(script);
    }

    public int Port { get; }

    /// <summary>Completes when the script has run (or failed) on the one connection.</summary>
    public Task Served { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public static RawServer Start(Func<Socket, Task> script) => new(script);

    /// <summary>Waits for the request's first bytes, so that the client is waiting for the response.</summary>
    public static async Task ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[4096];
        _ = await socket.ReceiveAsync(buffer);
    }

    public void Dispose() => _listener.Dispose();

    private async Task ServeAsync(Func<Socket, Task> script)
    {
        using var socket = await _listener.AcceptSocketAsync();
        await script(socket);
    }
}
