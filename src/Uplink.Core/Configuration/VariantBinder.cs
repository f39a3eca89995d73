using Uplink.Mobile;

namespace Uplink.Configuration;

/// <summary>
/// Expands a monitor with <c>versions</c> and/or <c>client-versions</c> into one monitor per
/// variant (the cartesian product of both lists). <c>{version}</c> in a URL, header or body takes
/// the API version; <c>{client-version}</c> takes the app version, and <c>client-version-header</c>
/// names a header that carries it (for example <c>X-App-Version</c>).
/// </summary>
internal sealed class VariantBinder(ConfigReader reader)
{
    /// <summary>The keys this binder reads.</summary>
    public static readonly string[] Keys = ["versions", "client-versions", "client-version-header"];

    private const string VersionPlaceholder = "{version}";
    private const string ClientPlaceholder = "{client-version}";

    public IReadOnlyList<MonitorDefinition> Expand(MapFields map, MonitorDefinition monitor)
    {
        var versions = Values(map, "versions");
        var clients = Values(map, "client-versions");
        var headerNode = map["client-version-header"];
        var header = headerNode is null ? null : reader.Text(headerNode, map.PathOf("client-version-header"));
        if (header is not null && !IsHeaderName(header))
        {
            reader.Error(map.PathOf("client-version-header"), headerNode, $"'{header}' is not a header name; "
                + "write one such as X-App-Version");
            header = null;
        }

        if (versions is null && clients is null)
        {
            if (header is not null)
            {
                reader.Error(map.PathOf("client-version-header"), headerNode, "'client-version-header' needs "
                    + "'client-versions' to send; list the app versions or remove it");
            }

            return [monitor];
        }

        RequirePlaceholder(map, monitor, "versions", VersionPlaceholder, versions is { Count: > 0 });
        var clientsSent = clients is { Count: > 0 } && headerNode is null;
        RequirePlaceholder(map, monitor, "client-versions", ClientPlaceholder, clientsSent);

        return (versions ?? [null]).SelectMany(v => (clients ?? [null]).Select(c => Variant(monitor, v, c, header)))
            .ToList();
    }

    /// <summary>A list of versions that no request uses would give variants that differ only in name.</summary>
    private void RequirePlaceholder(
        MapFields map,
        MonitorDefinition monitor,
        string key,
        string placeholder,
        bool listed)
    {
        var used = monitor.Steps.Any(s => s.Url.ToString().Contains(placeholder, StringComparison.Ordinal)
            || s.Headers.Any(h => h.Value.ToString().Contains(placeholder, StringComparison.Ordinal))
            || (s.Body?.ToString().Contains(placeholder, StringComparison.Ordinal) ?? false));
        if (listed && !used)
        {
            reader.Error(map.PathOf(key), map[key], $"no url, header or body uses {placeholder}, so every "
                + $"variant would send the same request; put {placeholder} where it belongs"
                + (key == "client-versions" ? " or name a client-version-header" : ""));
        }
    }

    private List<string?>? Values(MapFields map, string key)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var items = reader.List(node, map.PathOf(key)) ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in items.Select(i => (i.Node, i.Path)))
        {
            if (reader.Text(item, path) is not { } text)
            {
                continue;
            }

            if (text.AsSpan().IndexOfAny("[],") >= 0)
            {
                reader.Error(path, item, $"'{text}' cannot name a variant: '[', ']' and ',' are used in variant names");
            }
            else if (!seen.Add(text))
            {
                reader.Error(path, item, $"'{text}' is listed twice; each version gives one variant");
            }
        }

        var values = seen.ToList<string?>();
        if (items.Count == 0)
        {
            reader.Error(map.PathOf(key), node, $"'{key}' is empty; list at least one version");
        }

        return values;
    }

    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    private static MonitorDefinition Variant(MonitorDefinition monitor, string? version, string? client, string? header)
    {
        var variant = new MonitorVariant(monitor.Name, version, client);
        var steps = monitor.Steps.Select(s => Fill(s, version, client, header)).ToList();
        return monitor with { Name = variant.Name, Steps = steps, Variant = variant };
    }

    private static StepDefinition Fill(StepDefinition step, string? version, string? client, string? header)
    {
        var headers = step.Headers.Select(h => KeyValuePair.Create(h.Key, Fill(h.Value, version, client))).ToList();
        if (header is not null && client is not null
            && !headers.Any(h => h.Key.Equals(header, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(KeyValuePair.Create(header, Template.Parse(client)));
        }

        return step with
        {
            Url = Fill(step.Url, version, client),
            Headers = headers,
            Body = step.Body is null ? null : Fill(step.Body, version, client),
        };
    }

    private static Template Fill(Template template, string? version, string? client)
    {
        var text = template.ToString();
        var filled = text
            .Replace(VersionPlaceholder, version ?? VersionPlaceholder, StringComparison.Ordinal)
            .Replace(ClientPlaceholder, client ?? ClientPlaceholder, StringComparison.Ordinal);
        return filled == text ? template : Template.Parse(filled);
    }
}
