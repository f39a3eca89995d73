using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Uplink.Judging;
using Uplink.Tls;
using Uplink.Tls.PinFiles;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds the certificate keys of a monitor (<c>expiry</c>, <c>pins</c>, <c>pins-file</c>,
/// <c>ca-bundle</c>) and, for a <c>tls</c> monitor, where it shakes hands (<c>host</c>, <c>port</c>,
/// <c>sni</c>).
/// </summary>
internal sealed class TlsBinder(ConfigReader reader, IReadOnlyDictionary<string, PinSet> pinSets)
{
    /// <summary>The thresholds a handshake's duration is judged by: those of a data fetch.</summary>
    public static readonly Thresholds HandshakeThresholds =
        new(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(3));

    private const string DaysHint = "write a number of days, e.g. 21d";
    private static readonly string[] ExpiryKeys = ["warning", "critical"];

    /// <summary>The one step of a tls monitor, named after it: a handshake with its target.</summary>
    public static StepDefinition HandshakeStep(string name, TlsTarget target) => new()
    {
        Name = name,
        Method = "TLS",
        Url = Template.Parse($"tls://{(target.Host.Contains(':') ? $"[{target.Host}]" : target.Host)}:{target.Port}"),
        Operation = "tls-handshake",
        Thresholds = HandshakeThresholds,
    };

    public TlsTarget? BindTarget(MapFields map)
    {
        var host = reader.RequiredText(map, "host", "a tls monitor names the host to shake hands with, "
            + "e.g. host: api.example.com");
        var port = map["port"] is { } node ? ReadPort(node, map.PathOf("port")) : 443;
        var sni = map["sni"] is { } sniNode ? reader.Text(sniNode, map.PathOf("sni")) : null;
        return host is null || port is null
            ? null
            : new TlsTarget { Host = host.Trim(), Port = port.Value, ServerName = sni?.Trim() };
    }

    public TlsPolicy BindPolicy(MapFields map, string monitor)
    {
        var policy = map["expiry"] is { } expiry ? ReadExpiry(expiry, map.PathOf("expiry")) : TlsPolicy.Default;
        var sets = new List<PinSet>();
        if (map["pins"] is { } pins)
        {
            sets.AddRange(ReadPins(pins, map.PathOf("pins"), monitor));
        }

        if (map["pins-file"] is { } files)
        {
            sets.AddRange(ReadPinFiles(files, map.PathOf("pins-file")));
        }

        return sets.Count == 0 ? policy : policy with { PinSets = sets };
    }

    public X509Certificate2Collection? BindRoots(MapFields map)
    {
        if (map["ca-bundle"] is not { } node || reader.Text(node, map.PathOf("ca-bundle")) is not { } file)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(reader.FilePath(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            reader.Error(map.PathOf("ca-bundle"), node, $"cannot read the CA bundle '{file}': {ex.Message}");
            return null;
        }

        if (roots.Count == 0)
        {
            reader.Error(map.PathOf("ca-bundle"), node, $"'{file}' holds no PEM certificate");
            return null;
        }

        return roots;
    }

    private int? ReadPort(YamlNode node, string path)
    {
        var text = reader.Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            reader.Error(path, node, $"'{text}' is not a port; write a number from 1 to 65535");
            return null;
        }

        return port;
    }

    private TlsPolicy ReadExpiry(YamlNode node, string path)
    {
        var standard = TlsPolicy.Default;
        if (reader.Map(node, path, ExpiryKeys) is not { } map)
        {
            return standard;
        }

        var warning = ReadDays(map, "warning") ?? standard.Warning;
        var critical = ReadDays(map, "critical") ?? standard.Critical;
        if (critical > warning)
        {
            reader.Error(path, node, $"critical ({Durations.Format(critical)}) is longer than warning "
                + $"({Durations.Format(warning)}); a certificate reaches the warning window first");
        }

        return standard with { Warning = warning, Critical = critical };
    }

    private TimeSpan? ReadDays(MapFields map, string key)
    {
        if (map[key] is not { } node || reader.Text(node, map.PathOf(key)) is not { } text)
        {
            return null;
        }

        if (!Durations.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            reader.Error(map.PathOf(key), node, $"'{text}' is not a positive duration; {DaysHint}");
            return null;
        }

        return duration;
    }

    private List<PinSet> ReadPins(YamlNode node, string path, string monitor)
    {
        var sets = new List<PinSet>();
        var inline = new List<Pin>();
        var binder = new PinSetsBinder(reader);
        foreach (var (item, itemPath) in reader.List(node, path) ?? [])
        {
            var text = reader.Text(item, itemPath);
            if (text is null)
            {
                continue;
            }

            if (text.Trim().StartsWith(SpkiPin.Prefix, StringComparison.Ordinal))
            {
                inline.AddRange(binder.ReadPin(item, itemPath) is { } pin ? [pin] : []);
            }
            else if (pinSets.TryGetValue(text.Trim(), out var set))
            {
                sets.Add(set);
            }
            else
            {
                reader.Error(itemPath, item, $"'{text}' is neither a pin nor a pin set named under 'pin-sets'; "
                    + PinSetsBinder.PinHint);
            }
        }

        return inline.Count == 0 ? sets : [new PinSet { Name = monitor, Pins = inline }, .. sets];
    }

    private List<PinSet> ReadPinFiles(YamlNode node, string path)
    {
        var items = node is YamlSequenceNode ? reader.List(node, path) ?? [] : [(node, path)];
        var sets = new List<PinSet>();
        foreach (var (item, itemPath) in items)
        {
            if (reader.Text(item, itemPath) is not { } file)
            {
                continue;
            }

            var result = PinFile.Read(reader.FilePath(file));
            foreach (var error in result.Errors)
            {
                reader.Error(itemPath, item, $"{file}: {error}");
            }

            sets.AddRange(result.Sets);
        }

        return sets;
    }
}
