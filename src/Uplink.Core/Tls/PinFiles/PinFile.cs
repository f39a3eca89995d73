using System.Xml;
using System.Xml.Linq;

namespace Uplink.Tls.PinFiles;

/// <summary>
/// Reads pins from where apps keep them: Android's <c>network_security_config.xml</c>, an iOS
/// <c>Info.plist</c> (<c>NSPinnedDomains</c>, or TrustKit's <c>TSKConfiguration</c>) and a TrustKit
/// configuration in JSON. The format is recognised from the content. Every problem is reported with
/// the place it is at.
/// </summary>
public static class PinFile
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static PinFileResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
            or NotSupportedException)
        {
            var error = new PinFileError("(file)", null, $"cannot read '{path}': {ex.Message}");
            return Failed(PinFileFormat.Unknown, error);
        }

        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Reads pins from the text of a file; <paramref name="source"/> names it in the sets.</summary>
    public static PinFileResult Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('{') ? TrustKitJsonReader.Read(text, source) : ParseXml(text, source);
    }

    private static PinFileResult ParseXml(string text, string source)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return Failed(PinFileFormat.Unknown, new PinFileError("(xml)", ex.LineNumber, "not well-formed XML: "
                + ex.Message));
        }

        return document.Root?.Name.LocalName switch
        {
            "network-security-config" => AndroidPinReader.Read(document.Root, source),
            "plist" => PlistPinReader.Read(document.Root, source),
            var other => Failed(PinFileFormat.Unknown, new PinFileError(other ?? "(xml)", null,
                "not a pin file; expected <network-security-config> (Android) or <plist> (iOS, TrustKit), "
                + "or a TrustKit JSON object")),
        };
    }

    private static PinFileResult Failed(PinFileFormat format, PinFileError error) => new(format, [], [error]);

    /// <summary>The 1-based line of a node read with line information, or null.</summary>
    internal static int? LineOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>Checks a base64 SHA-256 from a file, adding an error at the place when it is not one.</summary>
    internal static string? ReadDigest(string text, string place, int? line, List<PinFileError> errors)
    {
        if (SpkiPin.TryParse(text, out var pin, out var problem))
        {
            return pin;
        }

        errors.Add(new PinFileError(place, line, problem));
        return null;
    }

    /// <summary>Reads a date such as <c>2027-06-30</c> as midnight UTC at its start.</summary>
    internal static DateTimeOffset? ReadDate(string text, string place, int? line, List<PinFileError> errors)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        errors.Add(new PinFileError(place, line, $"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-06-30"));
        return null;
    }
}
