using Uplink.Probes;
using Uplink.Tls;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds the <c>monitors</c> list. An http monitor becomes a flow of one step named after the monitor;
/// a flow's steps are bound by <see cref="FlowBinder"/>.
/// </summary>
internal sealed class MonitorBinder(
    ConfigReader reader,
    ConfigDefaults defaults,
    OperationCatalog operations,
    string? heartbeatKey = null)
{
    private readonly HeartbeatBinder _heartbeats = new(reader, heartbeatKey);

    /// <summary>The named pin sets of <c>pin-sets</c>, which a monitor's <c>pins</c> may name.</summary>
    public IReadOnlyDictionary<string, PinSet> PinSets { get; init; } = new Dictionary<string, PinSet>();

    /// <summary>The top-level <c>egress</c> policy, which a monitor's own <c>egress</c> replaces.</summary>
    public EgressPolicy Egress { get; init; } = EgressPolicy.Default;

    /// <summary>The built-in and custom network profiles, which a monitor's <c>profiles</c> may name.</summary>
    public IReadOnlyDictionary<string, NetworkProfile> Profiles { get; init; } = NetworkProfiles.BuiltIn;

    public IReadOnlyList<MonitorDefinition> BindAll(MapFields top)
    {
        if (top.Entry("monitors") is not { } entry)
        {
            reader.Error("monitors", top.Node, ConfigBinder.NoMonitors);
            return [];
        }

        var items = reader.List(entry.Value, entry.Path);
        if (items is { Count: 0 })
        {
            reader.Error(entry.Path, entry.Value, ConfigBinder.NoMonitors);
        }

        var names = new UniqueNames(reader, "monitor");
        var monitors = new List<MonitorDefinition>();
        foreach (var (node, path) in items ?? [])
        {
            monitors.AddRange(BindOne(node, path, names));
        }

        return monitors;
    }

    private IReadOnlyList<MonitorDefinition> BindOne(YamlNode node, string path, UniqueNames names)
    {
        if (reader.Map(node, path, MonitorKeys.All) is not { } map)
        {
            return [];
        }

        var monitor = BindMonitor(map, names);
        return monitor is null ? [] : new VariantBinder(reader).Expand(map, monitor);
    }

    private MonitorDefinition? BindMonitor(MapFields map, UniqueNames names)
    {
        var name = names.Read(map);
        var kind = ReadKind(map);
        CheckPlacement(map, kind);
        var interval = ReadDuration(map, "interval") ?? defaults.Interval;
        var timeout = ReadDuration(map, "timeout") ?? defaults.Timeout;
        var heartbeat = kind == MonitorKind.Heartbeat ? _heartbeats.Bind(map) : null;
        var tls = new TlsBinder(reader, PinSets);
        var target = kind == MonitorKind.Tls ? tls.BindTarget(map) : null;
        var steps = kind switch
        {
            MonitorKind.Flow => new FlowBinder(reader, operations).Bind(map),
            MonitorKind.Heartbeat => [],
            MonitorKind.Tls => target is null ? null : [TlsBinder.HandshakeStep(name ?? "", target)],
            _ => BindRequest(map, name),
        };
        var policy = tls.BindPolicy(map, name ?? "");
        var roots = tls.BindRoots(map);
        RefuseCertificateKeysOnPlainHttp(map, steps);
        var requests = new RequestSettingsBinder(reader).Bind(map, Egress);

        if (name is null || steps is null || (kind == MonitorKind.Heartbeat && heartbeat is null))
        {
            return null;
        }

        return new MonitorDefinition
        {
            Name = name,
            Kind = kind,
            Group = ReadGroup(map),
            Interval = heartbeat?.Period ?? interval,
            Timeout = timeout,
            Budget = kind == MonitorKind.Flow ? ReadDuration(map, "budget") : null,
            Steps = steps,
            Heartbeat = heartbeat,
            TlsPolicy = policy,
            TrustedRoots = roots,
            TlsTarget = target,
            Requests = requests,
            Mobile = new MobileBinder(reader, Profiles).Bind(map),
        };
    }

    /// <summary>
    /// Certificate keys judge a handshake; on a monitor whose every request is plain http there is
    /// none, and silently ignoring them would hide a mistake in the URL.
    /// </summary>
    private void RefuseCertificateKeysOnPlainHttp(MapFields map, IReadOnlyList<StepDefinition>? steps)
    {
        if (steps is not { Count: > 0 }
            || !steps.All(s => s.Url.ToString().StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        foreach (var key in MonitorKeys.Certificates.Where(k => map[k] is not null))
        {
            reader.Error(map.PathOf(key), map[key], $"'{key}' judges TLS certificates, but every request of this "
                + "monitor is plain http; use an https URL or remove it");
        }
    }

    private IReadOnlyList<StepDefinition>? BindRequest(MapFields map, string? name)
    {
        var step = new StepBinder(reader, operations).Bind(map, name ?? "", FlowVariables.ForHttpMonitor());
        return step is null ? null : [step];
    }

    private MonitorKind ReadKind(MapFields map)
    {
        if (map["kind"] is not { } node)
        {
            return MonitorKind.Http;
        }

        var guess = map.Has("steps") ? MonitorKind.Flow : map.Has("host") ? MonitorKind.Tls : MonitorKind.Http;
        switch (reader.Text(node, map.PathOf("kind")))
        {
            case "http":
                return MonitorKind.Http;
            case "flow":
                return MonitorKind.Flow;
            case "heartbeat":
                return MonitorKind.Heartbeat;
            case "tls":
                return MonitorKind.Tls;
            case { } kind:
                reader.Error(map.PathOf("kind"), node,
                    $"'{kind}' is not a monitor kind; use http, flow, tls or heartbeat");
                return guess;
            default:
                return guess;
        }
    }

    private void CheckPlacement(MapFields map, MonitorKind kind)
    {
        foreach (var entry in map.Entries)
        {
            if (Misplaced(entry.Key, kind) is { } problem)
            {
                reader.Error(entry.Path, entry.KeyNode, problem);
            }
        }
    }

    private static string? Misplaced(string key, MonitorKind kind)
    {
        if ((kind == MonitorKind.Heartbeat || HeartbeatKeys.All.Contains(key))
            && MisplacedForHeartbeat(key, kind) is { } heartbeatProblem)
        {
            return heartbeatProblem;
        }

        if (kind == MonitorKind.Tls && MonitorKeys.Transport.Contains(key))
        {
            return $"'{key}' does not apply to a tls monitor, which makes no HTTP request; remove it";
        }

        if (kind != MonitorKind.Tls && MonitorKeys.TlsOnly.Contains(key))
        {
            return $"'{key}' belongs to a tls monitor; add 'kind: tls' or remove '{key}'";
        }

        if (kind == MonitorKind.Tls && (MonitorKeys.Request.Contains(key) || MonitorKeys.Mobile.Contains(key)
            || MonitorKeys.FlowOnly.Contains(key)
            || key == "extract"))
        {
            return $"'{key}' does not apply to a tls monitor, which makes no request; remove it";
        }

        if (kind == MonitorKind.Http && MonitorKeys.FlowOnly.Contains(key))
        {
            return $"'{key}' belongs to a flow monitor; add 'kind: flow' or remove '{key}'";
        }

        if (kind == MonitorKind.Http && key == "extract")
        {
            return "'extract' is only allowed in a flow's steps, where a later step can use the value; "
                + "make this monitor a flow (kind: flow) or remove 'extract'";
        }

        if (kind == MonitorKind.Flow && (MonitorKeys.Request.Contains(key) || key == "extract"))
        {
            return $"'{key}' belongs in a step of a flow, not on the flow itself; move it into 'steps'";
        }

        return null;
    }

    private static string? MisplacedForHeartbeat(string key, MonitorKind kind)
    {
        if (kind != MonitorKind.Heartbeat && HeartbeatKeys.All.Contains(key))
        {
            return $"'{key}' belongs to a heartbeat monitor; add 'kind: heartbeat' or remove '{key}'";
        }

        string[] forChecks =
        [
            "interval", "timeout", "extract", .. MonitorKeys.FlowOnly, .. MonitorKeys.Request,
            .. MonitorKeys.Certificates, .. MonitorKeys.Transport, .. MonitorKeys.Mobile,
        ];
        return kind == MonitorKind.Heartbeat && forChecks.Contains(key)
            ? $"'{key}' belongs to monitors that Uplink checks itself; a heartbeat waits for pings, so remove '{key}'"
            : null;
    }

    private TimeSpan? ReadDuration(MapFields map, string key) =>
        map[key] is { } node ? reader.PositiveDuration(node, map.PathOf(key), DurationLimits.For(key)) : null;

    private string ReadGroup(MapFields map)
    {
        if (map["group"] is not { } node)
        {
            return "default";
        }

        var group = reader.Text(node, map.PathOf("group"));
        if (group is not null && string.IsNullOrWhiteSpace(group))
        {
            reader.Error(map.PathOf("group"), node, "'group' is empty; name the dashboard heading or remove 'group'");
        }

        return group ?? "default";
    }
}
