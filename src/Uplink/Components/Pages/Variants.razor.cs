using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Hosting;
using Uplink.Judging;
using Uplink.Storage;
using Uplink.Web.Dashboard;

namespace Uplink.Components.Pages;

/// <summary>
/// The variants of each monitor with <c>versions</c> or <c>client-versions</c>, side by side: health,
/// p50 and p95 latency over the last hour, size on the wire and the API's end-of-life dates.
/// </summary>
public sealed partial class Variants
{
    private const int MaxResults = 500;

    private static readonly TimeSpan Range = TimeSpan.FromHours(1);

    private IReadOnlyList<IGrouping<string, VariantRow>> _groups = [];

    [Inject]
    private MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    private LatestResults Latest { get; set; } = default!;

    [Inject]
    private IResultStore Store { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var now = Clock.GetUtcNow();
        var rows = new List<VariantRow>();
        foreach (var monitor in Catalog.Monitors.Where(m => m.Variant is not null))
        {
            var stored = await Store.GetResultsAsync(monitor.Name, now - Range, now.AddSeconds(1), MaxResults, default);
            var durations = stored.Select(r => r.Duration).Order().ToList();
            var latest = Latest.Get(monitor.Name) ?? stored.LastOrDefault();
            rows.Add(new VariantRow(
                monitor.Name,
                monitor.Variant!,
                latest,
                VariantRow.Percentile(durations, 50),
                VariantRow.Percentile(durations, 95)));
        }

        _groups = [.. rows.GroupBy(r => r.Variant.Base, StringComparer.Ordinal)];
    }

    private static string Size(long? bytes) => bytes is { } value ? ByteSize.Format(value) : "—";

    private static string Format(TimeSpan? duration) => duration is { } value ? Durations.Format(value) : "—";
}
