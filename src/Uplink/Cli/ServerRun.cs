using System.Net;
using System.Net.Sockets;
using Uplink.Configuration;
using Uplink.Hosting;

namespace Uplink.Cli;

/// <summary>
/// Starts a server for <c>serve</c> and <c>demo</c> and turns the ways start-up can fail (a bad
/// address, a port in use, an unusable data folder) into one line that names the option to fix.
/// </summary>
internal static class ServerRun
{
    /// <summary>Checks a <c>--urls</c>-style value; returns the problem, or null when it can be used.</summary>
    public static string? CheckUrls(string option, string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return $"{option}: '{url}' is not an address to listen on; write one such as http://127.0.0.1:8080";
            }

            if (IsInUse(uri))
            {
                return $"{option}: {url} is already in use by another program; stop it or choose another port";
            }
        }

        return null;
    }

    /// <summary>Builds and starts the Uplink server; returns null and prints why when it cannot.</summary>
    public static async Task<WebApplication?> StartAsync(
        UplinkConfig config,
        ServeSettings settings,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (CheckUrls("--urls", settings.Urls) is { } badUrls)
        {
            error.WriteLine(badUrls);
            return null;
        }

        WebApplication app;
        try
        {
            app = UplinkHost.Build(config, settings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--data: cannot use '{settings.DataFolder}' as the data folder: {ex.Message}");
            return null;
        }

        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch (Exception ex)
            when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"Uplink could not start: {ex.Message}");
            error.WriteLine("Check --urls (a free address) and --data (a writable folder).");
            await app.DisposeAsync();
            return null;
        }
    }

    private static bool IsInUse(Uri uri)
    {
        var addresses = uri.Host switch
        {
            "localhost" => [IPAddress.Loopback],
            _ when IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) => [ip],
            _ => Array.Empty<IPAddress>(),
        };

        foreach (var address in addresses)
        {
            try
            {
                using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(address, uri.Port));
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return true;
            }
            catch (SocketException)
            {
                // Another problem (such as an address not on this machine) is left for Kestrel to report.
            }
        }

        return false;
    }
}
