using System.Xml.Linq;

namespace Uplink.Tls.PinFiles;

/// <summary>
/// Reads the <c>pin-set</c> of each <c>domain-config</c> of an Android network security config. A
/// nested <c>domain-config</c> without a <c>pin-set</c> inherits its parent's, as Android does.
/// </summary>
internal static class AndroidPinReader
{
    public static PinFileResult Read(XElement root, string source)
    {
        var errors = new List<PinFileError>();
        var sets = new List<PinSet>();
        var place = root.Name.LocalName;
        foreach (var (config, index) in root.Elements("domain-config").Select((e, i) => (e, i)))
        {
            ReadDomainConfig(config, $"{place}/domain-config[{index}]", null, source, sets, errors);
        }

        if (sets.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PinFileError(place, PinFile.LineOf(root), "no domain-config has a pin-set"));
        }

        return new PinFileResult(PinFileFormat.Android, sets, errors);
    }

    private static void ReadDomainConfig(
        XElement config,
        string place,
        PinSet? inherited,
        string source,
        List<PinSet> sets,
        List<PinFileError> errors)
    {
        var domains = config.Elements("domain").ToList();
        if (domains.Count == 0)
        {
            errors.Add(new PinFileError(place, PinFile.LineOf(config), "a domain-config needs at least one <domain>"));
        }

        var pinSet = config.Element("pin-set") is { } element
            ? ReadPinSet(element, place + "/pin-set", errors)
            : inherited;
        if (pinSet is not null && domains.Count > 0)
        {
            var names = domains.Select(d => d.Value.Trim()).ToList();
            sets.Add(pinSet with
            {
                Name = "android " + string.Join(", ", names),
                Domains = names,
                IncludeSubdomains = domains.Any(d => (string?)d.Attribute("includeSubdomains") == "true"),
                Source = source,
            });
        }

        foreach (var (child, index) in config.Elements("domain-config").Select((e, i) => (e, i)))
        {
            ReadDomainConfig(child, $"{place}/domain-config[{index}]", pinSet, source, sets, errors);
        }
    }

    private static PinSet? ReadPinSet(XElement element, string place, List<PinFileError> errors)
    {
        var before = errors.Count;
        var expires = element.Attribute("expiration") is { } expiration
            ? PinFile.ReadDate(expiration.Value, place + "@expiration", PinFile.LineOf(element), errors)
            : null;

        var pins = new List<Pin>();
        foreach (var (pin, index) in element.Elements("pin").Select((e, i) => (e, i)))
        {
            var pinPlace = $"{place}/pin[{index}]";
            var digest = (string?)pin.Attribute("digest");
            if (digest != "SHA-256")
            {
                errors.Add(new PinFileError(pinPlace, PinFile.LineOf(pin),
                    $"digest '{digest}' is not supported; Android pins use digest=\"SHA-256\""));
            }
            else if (PinFile.ReadDigest(pin.Value, pinPlace, PinFile.LineOf(pin), errors) is { } value)
            {
                pins.Add(new Pin(value));
            }
        }

        if (pins.Count == 0 && errors.Count == before)
        {
            errors.Add(new PinFileError(place, PinFile.LineOf(element), "a pin-set needs at least one <pin>"));
        }

        return errors.Count > before ? null : new PinSet { Name = "", Pins = pins, Expires = expires };
    }
}
