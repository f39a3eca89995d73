using System.Xml.Linq;

namespace Uplink.Tls.PinFiles;

/// <summary>
/// Reads pins from an iOS property list: App Transport Security's <c>NSPinnedDomains</c> (leaf and
/// CA identities, each an <c>SPKI-SHA256-BASE64</c>), and TrustKit's <c>TSKConfiguration</c>
/// (<c>TSKPublicKeyHashes</c>, <c>TSKExpirationDate</c>).
/// </summary>
internal static class PlistPinReader
{
    private const string AtsPlace = "plist/dict/NSAppTransportSecurity/NSPinnedDomains";
    private const string TrustKitPlace = "plist/dict/TSKConfiguration/TSKPinnedDomains";

    public static PinFileResult Read(XElement root, string source)
    {
        var errors = new List<PinFileError>();
        var sets = new List<PinSet>();
        var top = PlistDict.Read(root.Elements().FirstOrDefault(), "plist/dict", errors);

        var ats = PlistDict.Read(top?["NSAppTransportSecurity"], "plist/dict/NSAppTransportSecurity", errors);
        var pinned = PlistDict.Read(ats?["NSPinnedDomains"], AtsPlace, errors);
        foreach (var (domain, value) in pinned?.Entries ?? [])
        {
            ReadAtsDomain(domain, value, $"{AtsPlace}/{domain}", source, sets, errors);
        }

        var trustKit = PlistDict.Read(top?["TSKConfiguration"], "plist/dict/TSKConfiguration", errors);
        var trustKitDomains = PlistDict.Read(trustKit?["TSKPinnedDomains"], TrustKitPlace, errors);
        foreach (var (domain, value) in trustKitDomains?.Entries ?? [])
        {
            ReadTrustKitDomain(domain, value, $"{TrustKitPlace}/{domain}", source, sets, errors);
        }

        if (pinned is null && trustKitDomains is null && errors.Count == 0)
        {
            errors.Add(new PinFileError("plist/dict", PinFile.LineOf(root),
                "no NSAppTransportSecurity/NSPinnedDomains and no TSKConfiguration/TSKPinnedDomains"));
        }

        return new PinFileResult(PinFileFormat.Plist, sets, errors);
    }

    private static void ReadAtsDomain(
        string domain,
        XElement value,
        string place,
        string source,
        List<PinSet> sets,
        List<PinFileError> errors)
    {
        if (PlistDict.Read(value, place, errors) is not { } dict)
        {
            return;
        }

        var before = errors.Count;
        var pins = new List<Pin>();
        pins.AddRange(Identities(dict, "NSPinnedLeafIdentities", PinScope.Leaf, place, errors));
        pins.AddRange(Identities(dict, "NSPinnedCAIdentities", PinScope.Authority, place, errors));
        if (pins.Count == 0 && errors.Count == before)
        {
            errors.Add(new PinFileError(place, PinFile.LineOf(value),
                "no NSPinnedLeafIdentities or NSPinnedCAIdentities"));
        }

        if (errors.Count == before)
        {
            sets.Add(new PinSet
            {
                Name = "ios " + domain,
                Pins = pins,
                Domains = [domain],
                IncludeSubdomains = dict.Flag("NSIncludesSubdomains"),
                Source = source,
            });
        }
    }

    private static IEnumerable<Pin> Identities(
        PlistDict dict,
        string key,
        PinScope scope,
        string place,
        List<PinFileError> errors)
    {
        if (dict[key] is not { } array)
        {
            yield break;
        }

        foreach (var (item, index) in array.Elements().Select((e, i) => (e, i)))
        {
            var itemPlace = $"{place}/{key}[{index}]";
            var identity = PlistDict.Read(item, itemPlace, errors);
            if (identity?["SPKI-SHA256-BASE64"] is not { } digest)
            {
                errors.Add(new PinFileError(itemPlace, PinFile.LineOf(item), "missing SPKI-SHA256-BASE64"));
                continue;
            }

            if (PinFile.ReadDigest(digest.Value, itemPlace + "/SPKI-SHA256-BASE64", PinFile.LineOf(digest), errors)
                is { } pin)
            {
                yield return new Pin(pin, scope);
            }
        }
    }

    private static void ReadTrustKitDomain(
        string domain,
        XElement value,
        string place,
        string source,
        List<PinSet> sets,
        List<PinFileError> errors)
    {
        if (PlistDict.Read(value, place, errors) is not { } dict)
        {
            return;
        }

        var before = errors.Count;
        var hashes = dict["TSKPublicKeyHashes"]?.Elements()
            .Select((e, i) => (e.Value, Place: $"{place}/TSKPublicKeyHashes[{i}]", Line: PinFile.LineOf(e)))
            .ToList() ?? [];
        var expires = dict["TSKExpirationDate"] is { } date
            ? PinFile.ReadDate(date.Value, place + "/TSKExpirationDate", PinFile.LineOf(date), errors)
            : null;
        var set = TrustKitJsonReader.Build(domain, hashes, expires, dict.Flag("TSKIncludeSubdomains"), place,
            PinFile.LineOf(value), errors);
        if (set is not null && errors.Count == before)
        {
            sets.Add(set with { Source = source });
        }
    }
}
