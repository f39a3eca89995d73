using System.Xml.Linq;

namespace Uplink.Tls.PinFiles;

/// <summary>A property list <c>&lt;dict&gt;</c>: its keys in order, each with its value element.</summary>
internal sealed class PlistDict
{
    private readonly List<(string Key, XElement Value)> _entries;

    private PlistDict(List<(string Key, XElement Value)> entries) => _entries = entries;

    /// <summary>The value under a key; TrustKit keys match with or without their <c>k</c> prefix.</summary>
    public XElement? this[string key] => _entries.FirstOrDefault(e => TrustKitNames.Same(e.Key, key)).Value;

    public IEnumerable<(string Key, XElement Value)> Entries => _entries;

    /// <summary>Reads a dict, adding an error at <paramref name="place"/> when it is not one.</summary>
    public static PlistDict? Read(XElement? element, string place, List<PinFileError> errors)
    {
        if (element is null)
        {
            return null;
        }

        if (element.Name.LocalName != "dict")
        {
            errors.Add(new PinFileError(place, PinFile.LineOf(element),
                $"expected a <dict>, found <{element.Name.LocalName}>"));
            return null;
        }

        var entries = new List<(string, XElement)>();
        var children = element.Elements().ToList();
        for (var i = 0; i < children.Count; i += 2)
        {
            if (children[i].Name.LocalName != "key" || i + 1 >= children.Count)
            {
                errors.Add(new PinFileError(place, PinFile.LineOf(children[i]),
                    $"<{children[i].Name.LocalName}> is not a <key> followed by its value"));
                return null;
            }

            entries.Add((children[i].Value, children[i + 1]));
        }

        return new PlistDict(entries);
    }

    /// <summary>Reads a <c>&lt;true/&gt;</c> or <c>&lt;false/&gt;</c>; false when absent.</summary>
    public bool Flag(string key) => this[key]?.Name.LocalName == "true";
}
