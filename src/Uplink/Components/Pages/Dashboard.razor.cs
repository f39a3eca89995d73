using System.Globalization;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Web.Api;

namespace Uplink.Components.Pages;

/// <summary>Every monitor by group, with its newest result; redraws itself as results arrive.</summary>
public sealed partial class Dashboard
{
    private IReadOnlyList<IGrouping<string, MonitorRow>> _groups = [];

    protected override void Load()
    {
        var latest = Latest.Snapshot();
        _groups =
        [
            .. Catalog.Monitors
                .Select(m => new MonitorRow(m, latest.GetValueOrDefault(m.Name)))
                .GroupBy(row => row.Monitor.Group, StringComparer.Ordinal),
        ];
    }

    private int Count(Health? health) => _groups.Sum(g => g.Count(row => row.Latest?.Health == health));

    private static string MonitorLink(MonitorDefinition monitor) =>
        (monitor.Kind == MonitorKind.Heartbeat ? "heartbeats/" : "monitors/") + Uri.EscapeDataString(monitor.Name);

    private static string ApiKind(MonitorDefinition monitor) => ApiMapping.KindName(monitor.Kind);

    private static string ErrorClass(CheckResult? latest) => latest?.Health == Health.Down ? "down" : "muted";

    private string Checked(CheckResult? latest)
    {
        if (latest is null)
        {
            return "not yet";
        }

        var local = TimeZoneInfo.ConvertTime(latest.StartedAt, Clock.LocalTimeZone);
        var ago = Clock.GetUtcNow() - latest.StartedAt;
        return local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (" + Ago(ago) + ")";
    }

    private static string Ago(TimeSpan ago) => ago.TotalSeconds switch
    {
        < 2 => "just now",
        < 120 => $"{(int)ago.TotalSeconds} s ago",
        < 7200 => $"{(int)ago.TotalMinutes} min ago",
        _ => $"{(int)ago.TotalHours} h ago",
    };

    /// <summary>A monitor and its newest result, or null when it has not been checked yet.</summary>
    private sealed record MonitorRow(MonitorDefinition Monitor, CheckResult? Latest);
}
