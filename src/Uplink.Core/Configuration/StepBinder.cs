using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds one HTTP request: a flow's step, or the request keys of an http monitor. Checks that each
/// <c>{{name}}</c> it uses was extracted by an earlier step, then records what this step extracts.
/// </summary>
internal sealed partial class StepBinder(ConfigReader reader, OperationCatalog operations)
{
    private const string UrlHint = "write it in full, e.g. https://api.example.com/health";
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public StepDefinition? Bind(MapFields map, string name, FlowVariables variables)
    {
        var method = ReadMethod(map);
        var url = ReadUrl(map, variables, name);
        var headers = ReadHeaders(map, variables, name);
        var body = ReadBody(map, variables, name);
        var content = new UploadBinder(reader).Bind(map, UploadBinder.ContentTypeOf(headers));
        var operation = ReadOperation(map);
        var conditions = new ExpectBinder(reader).Bind(map["expect"], map.PathOf("expect"));
        var extractions = variables.IsFlow && map["extract"] is { } extract
            ? new ExtractBinder(reader).Bind(extract, map.PathOf("extract"), variables, name)
            : [];

        if (url is null || operation is null || !operations.Valid.TryGetValue(operation, out var thresholds))
        {
            return null;
        }

        return new StepDefinition
        {
            Name = name,
            Method = method,
            Url = url,
            Headers = headers,
            Body = body,
            Content = content,
            Operation = operation,
            Thresholds = thresholds,
            SizeBudget = operations.SizeBudgets.TryGetValue(operation, out var budget) ? budget : null,
            Conditions = conditions,
            Extractions = extractions,
        };
    }

    private string ReadMethod(MapFields map)
    {
        if (map["method"] is not { } node || reader.Text(node, map.PathOf("method")) is not { } text)
        {
            return "GET";
        }

        var method = text.Trim().ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            reader.Error(map.PathOf("method"), node,
                $"'{text}' is not an HTTP method; use {string.Join(", ", Methods)}");
        }

        return method;
    }

    private Template? ReadUrl(MapFields map, FlowVariables variables, string step)
    {
        var text = reader.RequiredText(map, "url", "give the address to request; " + UrlHint);
        if (text is null)
        {
            return null;
        }

        var node = map["url"]!;
        var url = Templated(text, map.PathOf("url"), node, variables, step);
        if (!IsHttpUrl(text, url.IsConstant))
        {
            reader.Error(map.PathOf("url"), node, $"'{text}' is not an absolute http or https URL; {UrlHint}");
        }

        return url;
    }

    private static bool IsHttpUrl(string text, bool isConstant)
    {
        if (!isConstant)
        {
            // A URL may be a value an earlier step extracted, such as an uploaded file's address;
            // the runner checks the rendered URL and fails that step if it is not http or https.
            return text.TrimStart().StartsWith("{{", StringComparison.Ordinal)
                || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0;
    }

    /// <summary>Headers the HTTP stack derives from the request; a config that sets them breaks the request.</summary>
    private static readonly HashSet<string> ComputedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection",
    };

    private List<KeyValuePair<string, Template>> ReadHeaders(MapFields map, FlowVariables variables, string step)
    {
        var headers = new List<KeyValuePair<string, Template>>();
        if (map["headers"] is not { } node || reader.Map(node, map.PathOf("headers")) is not { } fields)
        {
            return headers;
        }

        foreach (var entry in fields.Entries)
        {
            if (!HeaderName().IsMatch(entry.Key))
            {
                reader.Error(entry.Path, entry.KeyNode, $"'{entry.Key}' is not a valid header name");
            }
            else if (ComputedHeaders.Contains(entry.Key))
            {
                reader.Error(entry.Path, entry.KeyNode, $"'{entry.Key}' is set by Uplink from the request itself; "
                    + "remove it");
            }

            if (reader.Text(entry.Value, entry.Path) is not { } value)
            {
                continue;
            }

            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                reader.Error(entry.Path, entry.Value, "a header value cannot contain a line break; "
                    + "write it on one line");
            }
            else
            {
                headers.Add(new(entry.Key, Templated(value, entry.Path, entry.Value, variables, step)));
            }
        }

        return headers;
    }

    private Template? ReadBody(MapFields map, FlowVariables variables, string step)
    {
        if (map["body"] is not { } node)
        {
            return null;
        }

        if (node is not YamlScalarNode)
        {
            reader.Error(map.PathOf("body"), node, $"expected text, found {ConfigReader.Describe(node)}; "
                + "quote a JSON body as one string, e.g. body: '{\"name\": \"demo\"}'");
            return null;
        }

        var text = reader.Text(node, map.PathOf("body"));
        return text is null ? null : Templated(text, map.PathOf("body"), node, variables, step);
    }

    private string? ReadOperation(MapFields map)
    {
        var name = reader.RequiredText(map, "operation",
            "name the operation whose thresholds judge this request, e.g. operation: data-fetch");
        if (name is null || operations.IsDeclared(name))
        {
            return name;
        }

        var suggestion = KeySuggestion.Nearest(name, operations.Names);
        var hint = suggestion is null ? "" : $"did you mean '{suggestion}'? ";
        reader.Error(map.PathOf("operation"), map["operation"], $"unknown operation '{name}'; {hint}"
            + $"known operations: {string.Join(", ", operations.Names)}; add new ones under 'operations'");
        return null;
    }

    private Template Templated(string text, string path, YamlNode node, FlowVariables variables, string step)
    {
        var template = Template.Parse(text);
        foreach (var variable in template.Variables)
        {
            if (variables.Problem(variable, step) is { } problem)
            {
                reader.Error(path, node, problem);
            }
        }

        return template;
    }

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();
}
