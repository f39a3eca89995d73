using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Uplink.Tls;
using Uplink.Tls.PinFiles;

namespace Uplink.Cli;

/// <summary>
/// <c>uplink pins FILE</c> prints the pin sets an app's file holds; <c>uplink pins --host HOST:PORT</c>
/// prints a live server's chains with each certificate's pin.
/// </summary>
internal static class PinsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("file")
        {
            Description = "An Android network_security_config.xml, an iOS Info.plist or a TrustKit JSON file.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var host = new Option<string?>("--host") { Description = "A server to shake hands with, as HOST:PORT." };
        var sni = new Option<string?>("--sni") { Description = "The server name to send; the host by default." };
        var bundle = new Option<string?>("--ca-bundle") { Description = "PEM roots to trust instead of the system's." };
        var command = new Command("pins", "Print the pins an app's file holds, or a server's chain with each pin.")
        {
            file, host, sni, bundle,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(host) is { } target)
            {
                return await ShowServerAsync(target, parse.GetValue(sni), parse.GetValue(bundle), output, error,
                    cancellationToken);
            }

            if (parse.GetValue(file) is { } path)
            {
                return ShowFile(path, output, error);
            }

            error.WriteLine("Give a pin file, or --host HOST:PORT for a live server.");
            return ExitCodes.BadConfig;
        });
        return command;
    }

    private static int ShowFile(string path, TextWriter output, TextWriter error)
    {
        var result = PinFile.Read(path);
        foreach (var problem in result.Errors)
        {
            error.WriteLine($"{path}: {problem}");
        }

        if (!result.Succeeded)
        {
            return ExitCodes.BadConfig;
        }

        output.WriteLine($"{path}: {FormatName(result.Format)}, {result.Sets.Count} pin set(s)");
        foreach (var set in result.Sets)
        {
            output.WriteLine();
            output.WriteLine($"{set.Name}{Describe(set)}");
            foreach (var pin in set.Pins)
            {
                output.WriteLine($"  {pin}");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ShowServerAsync(
        string hostAndPort,
        string? sni,
        string? bundle,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (!TryParseTarget(hostAndPort, out var target))
        {
            error.WriteLine($"'{hostAndPort}' is not HOST:PORT, e.g. api.example.com:443");
            return ExitCodes.BadConfig;
        }

        var roots = bundle is null ? null : LoadRoots(bundle, error);
        if (bundle is not null && roots is null)
        {
            return ExitCodes.BadConfig;
        }

        var time = TimeProvider.System;
        var exchange = await new TlsProbe(time).HandshakeAsync(
            target with { ServerName = sni, TrustedRoots = roots }, TimeSpan.FromSeconds(10), cancellationToken);
        if (exchange.Facts is { } facts)
        {
            ServerReport.Write(output, facts, time.GetUtcNow());
        }

        if (exchange.Error is { } problem)
        {
            error.WriteLine($"{hostAndPort}: {problem}");
            return ExitCodes.Unhealthy;
        }

        return ExitCodes.Ok;
    }

    private static X509Certificate2Collection? LoadRoots(string path, TextWriter error)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error.WriteLine($"cannot read the CA bundle '{path}': {ex.Message}");
            return null;
        }

        return roots;
    }

    /// <summary>Reads <c>HOST:PORT</c>, <c>[IPv6]:PORT</c> or a bare host (port 443).</summary>
    internal static bool TryParseTarget(string text, out TlsTarget target)
    {
        target = new TlsTarget { Host = text };
        var colon = text.LastIndexOf(':');
        var bracket = text.LastIndexOf(']');
        if (colon < 0 || colon < bracket)
        {
            target = new TlsTarget { Host = text.Trim('[', ']') };
            return text.Length > 0;
        }

        var host = text[..colon].Trim('[', ']');
        if (host.Length == 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture,
            out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        target = new TlsTarget { Host = host, Port = port };
        return true;
    }

    private static string FormatName(PinFileFormat format) => format switch
    {
        PinFileFormat.Android => "Android network security config",
        PinFileFormat.Plist => "iOS property list",
        PinFileFormat.TrustKitJson => "TrustKit configuration",
        _ => "pin file",
    };

    private static string Describe(PinSet set)
    {
        var parts = new List<string>();
        if (set.Domains.Count > 0)
        {
            parts.Add("domains: " + string.Join(", ", set.Domains) + (set.IncludeSubdomains ? " and subdomains" : ""));
        }

        if (set.Expires is { } expires)
        {
            parts.Add("expires " + TlsJudge.Day(expires));
        }

        return parts.Count == 0 ? "" : $" ({string.Join("; ", parts)})";
    }
}
