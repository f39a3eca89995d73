using System.Text.RegularExpressions;

namespace Uplink.Configuration;

/// <summary>
/// A text with <c>{{name}}</c> placeholders that a flow fills from values earlier steps extracted.
/// </summary>
public sealed partial class Template
{
    private readonly string _text;

    private Template(string text, IReadOnlyList<string> variables)
    {
        _text = text;
        Variables = variables;
    }

    /// <summary>The names used in the text, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public bool IsConstant => Variables.Count == 0;

    public static Template Parse(string text)
    {
        var names = Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
        return new Template(text, names);
    }

    /// <summary>Fills every placeholder. A variable with no value renders as an empty string.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        if (IsConstant)
        {
            return _text;
        }

        return Placeholder().Replace(_text, m => values.TryGetValue(m.Groups["name"].Value, out var v) ? v : "");
    }

    /// <summary>
    /// Fills a URL. A value that begins the URL (an address an earlier step answered with) goes in
    /// as it is; a value inside the URL is percent-encoded, so that it stays one path segment or one
    /// query value whatever characters it holds.
    /// </summary>
    public string RenderUrl(IReadOnlyDictionary<string, string> values)
    {
        if (IsConstant)
        {
            return _text;
        }

        return Placeholder().Replace(_text, m =>
        {
            var value = values.TryGetValue(m.Groups["name"].Value, out var v) ? v : "";
            return m.Index == 0 ? value : Uri.EscapeDataString(value);
        });
    }

    public override string ToString() => _text;

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_\-]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
