using System.Text.RegularExpressions;
using Cronos;
using Uplink.Heartbeats;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds the keys of a heartbeat monitor: <c>period</c> or <c>schedule</c> (with <c>timezone</c>),
/// <c>grace</c>, <c>max-runtime</c>, and how it is pinged (<c>token</c> or <c>slug</c>). Tokens and
/// slugs must be unique among the config's heartbeats.
/// </summary>
internal sealed partial class HeartbeatBinder(ConfigReader reader, string? projectKey)
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    public HeartbeatDefinition? Bind(MapFields map)
    {
        var period = ReadDuration(map, "period");
        var (schedule, scheduleText, zone) = ReadSchedule(map);
        var grace = ReadDuration(map, "grace");
        var maxRuntime = ReadDuration(map, "max-runtime");
        var token = ReadToken(map);
        var slug = ReadSlug(map);
        var paused = ReadPaused(map);
        CheckTiming(map);
        if (!map.Has("grace"))
        {
            reader.Error(ConfigPath.Show(map.Path), map.Node,
                "missing required key 'grace'; say how late a ping may be before the heartbeat is down, "
                + "e.g. grace: 5m");
        }

        if (grace is not { } g || (period is null && schedule is null))
        {
            return null;
        }

        return new HeartbeatDefinition
        {
            Period = period,
            Schedule = schedule,
            ScheduleText = scheduleText,
            TimeZone = zone,
            Grace = g,
            MaxRuntime = maxRuntime ?? g,
            Token = token,
            Slug = slug,
            Paused = paused,
        };
    }

    private void CheckTiming(MapFields map)
    {
        if (map.Has("period") && map.Has("schedule"))
        {
            reader.Error(map.PathOf("schedule"), map.Entry("schedule")!.KeyNode,
                "a heartbeat has either 'period' or 'schedule', not both; remove one");
        }
        else if (!map.Has("period") && !map.Has("schedule"))
        {
            reader.Error(ConfigPath.Show(map.Path), map.Node,
                "a heartbeat needs 'period' (e.g. period: 1h) or a cron 'schedule' (e.g. schedule: '0 3 * * *')");
        }

        if (map.Has("timezone") && map.Has("period"))
        {
            reader.Error(map.PathOf("timezone"), map.Entry("timezone")!.KeyNode,
                "'timezone' applies to a cron 'schedule'; a period runs the same in every zone, so remove it");
        }
    }

    private (CronExpression? Schedule, string? Text, TimeZoneInfo Zone) ReadSchedule(MapFields map)
    {
        var zone = ReadZone(map);
        if (map["schedule"] is not { } node || reader.Text(node, map.PathOf("schedule")) is not { } text)
        {
            return (null, null, zone);
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(text.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            reader.Error(map.PathOf("schedule"), node, $"'{text}' is not a cron schedule ({ex.Message.TrimEnd('.')}); "
                + "write five fields (minute hour day-of-month month day-of-week), e.g. '0 3 * * *', or @daily");
            return (null, null, zone);
        }

        if (expression.GetNextOccurrence(DateTime.UnixEpoch) is null)
        {
            reader.Error(map.PathOf("schedule"), node, $"'{text}' never fires; check the day and the month");
            return (null, null, zone);
        }

        return (expression, text.Trim(), zone);
    }

    private TimeZoneInfo ReadZone(MapFields map)
    {
        if (map["timezone"] is not { } node || reader.Text(node, map.PathOf("timezone")) is not { } name)
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name.Trim(), out var zone) && zone.HasIanaId)
        {
            return zone;
        }

        reader.Error(map.PathOf("timezone"), node,
            $"'{name}' is not a known IANA time zone; write one such as Europe/Berlin, America/New_York or UTC");
        return TimeZoneInfo.Utc;
    }

    private TimeSpan? ReadDuration(MapFields map, string key) =>
        map[key] is { } node ? reader.PositiveDuration(node, map.PathOf(key), DurationLimits.For(key)) : null;

    private string? ReadToken(MapFields map)
    {
        if (map["token"] is not { } node || reader.Text(node, map.PathOf("token")) is not { } token)
        {
            return null;
        }

        if (map.Has("slug"))
        {
            reader.Error(map.PathOf("token"), node, "a heartbeat is pinged by 'token' or by 'slug', not both");
            return null;
        }

        if (PingTokens.Problem(token) is { } problem)
        {
            reader.Error(map.PathOf("token"), node, $"the token is not safe: {problem}");
            return null;
        }

        return Claim("token:" + token, map, "token", node) ? token : null;
    }

    private string? ReadSlug(MapFields map)
    {
        if (map["slug"] is not { } node || reader.Text(node, map.PathOf("slug")) is not { } slug)
        {
            return null;
        }

        if (!SlugPattern().IsMatch(slug))
        {
            reader.Error(map.PathOf("slug"), node,
                $"'{slug}' is not a slug; use lower-case letters, digits and '-', e.g. nightly-sync");
            return null;
        }

        if (projectKey is null)
        {
            reader.Error(map.PathOf("slug"), node,
                "a slug is pinged under the project's key; set one under 'heartbeats: { key: ... }' at the top");
            return null;
        }

        return Claim("slug:" + slug, map, "slug", node) ? slug : null;
    }

    private bool ReadPaused(MapFields map)
    {
        if (map["paused"] is not { } node || reader.Text(node, map.PathOf("paused")) is not { } text)
        {
            return false;
        }

        if (text is not ("true" or "false"))
        {
            reader.Error(map.PathOf("paused"), node, $"'{text}' is not true or false");
        }

        return text == "true";
    }

    private bool Claim(string identity, MapFields map, string key, YamlNode node)
    {
        if (_owners.TryAdd(identity, map.Path))
        {
            return true;
        }

        reader.Error(map.PathOf(key), node, $"this {key} is already used by {_owners[identity]}; "
            + $"each heartbeat needs its own {key}");
        return false;
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
