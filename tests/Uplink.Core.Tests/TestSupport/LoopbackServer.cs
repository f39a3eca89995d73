using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Uplink.TestSupport;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering every request with one handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _scheme;

    private LoopbackServer(WebApplication app, string scheme, int port)
    {
        _app = app;
        _scheme = scheme;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Starts a server; with a certificate it speaks HTTPS only, sending <paramref name="chain"/> (the
    /// intermediates) after its own certificate.
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(
        RequestDelegate handler,
        X509Certificate2? certificate = null,
        X509Certificate2Collection? chain = null,
        HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    ServerCertificateChain = chain,
                });
            }
        }));

        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();

        var server = app.Services.GetRequiredService<IServer>();
        var addresses = server.Features.GetRequiredFeature<IServerAddressesFeature>();
        var port = new Uri(addresses.Addresses.Single()).Port;
        return new LoopbackServer(app, certificate is null ? "http" : "https", port);
    }

    public Uri Url(string path = "/", string host = "127.0.0.1") => new UriBuilder(_scheme, host, Port, path).Uri;

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
