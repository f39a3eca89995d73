using System.Globalization;
using MudBlazor;
using Uplink.Judging;
using Uplink.Web.Api;

namespace Uplink.Web.Dashboard;

/// <summary>How heartbeats look on the dashboard: the state's chip, the schedule and times in words.</summary>
public static class HeartbeatLook
{
    public static Color ChipColor(string state) => state switch
    {
        "up" => Color.Success,
        "started" => Color.Info,
        "late" => Color.Warning,
        "down" => Color.Error,
        _ => Color.Default,
    };

    public static Variant ChipVariant(string state) =>
        state is "new" or "paused" ? Variant.Outlined : Variant.Filled;

    /// <summary>"every 1 h" or "0 3 * * * (Europe/Berlin)", then the grace.</summary>
    public static string Schedule(HeartbeatResponse heartbeat)
    {
        var when = heartbeat.PeriodSeconds is { } period
            ? "every " + Span(TimeSpan.FromSeconds(period))
            : $"{heartbeat.Schedule} ({heartbeat.TimeZone})";
        return when + " · grace " + Span(TimeSpan.FromSeconds(heartbeat.GraceSeconds));
    }

    /// <summary>A period or grace in the largest whole unit: "24 h", "90 min", "45 s".</summary>
    public static string Span(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } when span.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)span.TotalHours} h",
        { TotalMinutes: >= 1 } when span.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)span.TotalMinutes} min",
        _ => Durations.Format(span),
    };

    /// <summary>A time in the viewer's zone with how far away it is: "14:03:07 (5 min ago)".</summary>
    public static string Time(DateTimeOffset? time, TimeProvider clock)
    {
        if (time is not { } value)
        {
            return "—";
        }

        var local = TimeZoneInfo.ConvertTime(value, clock.LocalTimeZone);
        var format = (clock.GetUtcNow() - value).Duration() < TimeSpan.FromHours(20) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture) + " (" + Relative(value - clock.GetUtcNow()) + ")";
    }

    public static string Duration(double? ms) =>
        ms is { } value ? Durations.Format(TimeSpan.FromMilliseconds(value)) : "—";

    private static string Relative(TimeSpan offset)
    {
        var size = offset.Duration();
        var words = size.TotalSeconds switch
        {
            < 2 => "now",
            < 120 => $"{(int)size.TotalSeconds} s",
            < 7200 => $"{(int)size.TotalMinutes} min",
            < 172_800 => $"{(int)size.TotalHours} h",
            _ => $"{(int)size.TotalDays} d",
        };
        return words == "now" ? "just now" : offset < TimeSpan.Zero ? words + " ago" : "in " + words;
    }
}
