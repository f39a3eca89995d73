using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Uplink.TestSupport;

/// <summary>
/// A TLS front on 127.0.0.1: Kestrel terminates TLS with the certificate and chain set last, and
/// forwards every request to a plain-http upstream with <see cref="HttpClient"/>. The certificate
/// can be swapped while it runs; each new connection gets the current one.
/// </summary>
internal sealed class TlsFront : IAsyncDisposable
{
    private static readonly string[] SkippedResponseHeaders = ["Transfer-Encoding", "Connection", "Keep-Alive"];

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private SslStreamCertificateContext _certificate;

    private TlsFront(X509Certificate2 certificate, X509Certificate2Collection chain, Uri upstream)
    {
        _certificate = SslStreamCertificateContext.Create(certificate, chain, offline: true);
        _upstream = new HttpClient { BaseAddress = upstream };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = _ => ValueTask.FromResult(
                    new SslServerAuthenticationOptions { ServerCertificateContext = _certificate }),
            })));
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    public int Port { get; private set; }

    /// <summary>Starts a front for <paramref name="upstream"/> (its scheme, host and port).</summary>
    public static async Task<TlsFront> StartAsync(
        X509Certificate2 certificate,
        X509Certificate2Collection chain,
        Uri upstream)
    {
        var front = new TlsFront(certificate, chain, upstream);
        await front._app.StartAsync();
        var addresses = front._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>();
        front.Port = new Uri(addresses.Addresses.Single()).Port;
        return front;
    }

    /// <summary>Serves <paramref name="certificate"/> from the next connection on, as a renewal would.</summary>
    public void Serve(X509Certificate2 certificate, X509Certificate2Collection chain) =>
        _certificate = SslStreamCertificateContext.Create(certificate, chain, offline: true);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(
            new HttpMethod(context.Request.Method),
            context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name != "Host" && !request.Headers.TryAddWithoutValidation(name, [.. values]))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, [.. values]);
            }
        }

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
            context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!SkippedResponseHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
