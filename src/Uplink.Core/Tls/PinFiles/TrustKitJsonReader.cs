using System.Text.Json;

namespace Uplink.Tls.PinFiles;

/// <summary>
/// Reads a TrustKit configuration written as JSON: <c>TSKPinnedDomains</c> (at the top or inside
/// <c>TSKConfiguration</c>) mapping each domain to its <c>TSKPublicKeyHashes</c> and optional
/// <c>TSKExpirationDate</c> and <c>TSKIncludeSubdomains</c>. Places are JSON paths.
/// </summary>
internal static class TrustKitJsonReader
{
    public static PinFileResult Read(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            return new PinFileResult(PinFileFormat.TrustKitJson, [],
                [new PinFileError(ex.Path ?? "$", line, "not valid JSON: " + ex.Message)]);
        }

        using (document)
        {
            return ReadDomains(document.RootElement, source);
        }
    }

    /// <summary>Builds a TrustKit set, which TrustKit itself requires to hold at least two hashes.</summary>
    internal static PinSet? Build(
        string domain,
        IReadOnlyList<(string Value, string Place, int? Line)> hashes,
        DateTimeOffset? expires,
        bool includeSubdomains,
        string place,
        int? line,
        List<PinFileError> errors)
    {
        var pins = hashes.Select(h => PinFile.ReadDigest(h.Value, h.Place, h.Line, errors))
            .OfType<string>()
            .Select(p => new Pin(p))
            .ToList();
        if (hashes.Count == 0)
        {
            errors.Add(new PinFileError(place, line, "missing TSKPublicKeyHashes, the list of pinned hashes"));
            return null;
        }

        return pins.Count != hashes.Count ? null : new PinSet
        {
            Name = "trustkit " + domain,
            Pins = pins,
            Expires = expires,
            Domains = [domain],
            IncludeSubdomains = includeSubdomains,
        };
    }

    private static PinFileResult ReadDomains(JsonElement root, string source)
    {
        var errors = new List<PinFileError>();
        var sets = new List<PinSet>();
        var (domains, place) = root.ValueKind == JsonValueKind.Object
            && Property(root, "TSKConfiguration") is { ValueKind: JsonValueKind.Object } configuration
            ? (Property(configuration, "TSKPinnedDomains"), "$.TSKConfiguration.TSKPinnedDomains")
            : (Property(root, "TSKPinnedDomains"), "$.TSKPinnedDomains");

        if (domains is not { ValueKind: JsonValueKind.Object } map)
        {
            errors.Add(new PinFileError(place, null, "missing TSKPinnedDomains, an object of domain to its pins"));
            return new PinFileResult(PinFileFormat.TrustKitJson, sets, errors);
        }

        foreach (var domain in map.EnumerateObject())
        {
            if (ReadDomain(domain, $"{place}['{domain.Name}']", errors) is { } set)
            {
                sets.Add(set with { Source = source });
            }
        }

        return new PinFileResult(PinFileFormat.TrustKitJson, errors.Count == 0 ? sets : [], errors);
    }

    private static PinSet? ReadDomain(JsonProperty domain, string place, List<PinFileError> errors)
    {
        if (domain.Value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PinFileError(place, null, "expected an object with TSKPublicKeyHashes"));
            return null;
        }

        var hashes = new List<(string, string, int?)>();
        if (Property(domain.Value, "TSKPublicKeyHashes") is { ValueKind: JsonValueKind.Array } array)
        {
            hashes.AddRange(array.EnumerateArray()
                .Select((e, i) => (e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText(),
                    $"{place}.TSKPublicKeyHashes[{i}]", (int?)null)));
        }

        var expires = Property(domain.Value, "TSKExpirationDate") is { ValueKind: JsonValueKind.String } date
            ? PinFile.ReadDate(date.GetString() ?? "", place + ".TSKExpirationDate", null, errors)
            : null;
        var subdomains = Property(domain.Value, "TSKIncludeSubdomains") is { ValueKind: JsonValueKind.True };
        return Build(domain.Name, hashes, expires, subdomains, place, null, errors);
    }

    /// <summary>A property by name; TrustKit keys match with or without their <c>k</c> prefix.</summary>
    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().FirstOrDefault(p => TrustKitNames.Same(p.Name, name)) is { Value: var value }
        && value.ValueKind != JsonValueKind.Undefined
            ? value
            : null;
}
