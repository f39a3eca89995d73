using Uplink.Checks;

namespace Uplink.Web.Dashboard;

/// <summary>
/// Tells a dashboard page when to draw again: soon after a result it cares about arrives, but at
/// most once per <see cref="MinimumGap"/> however fast results come, and every period in any case
/// so that relative times ("12 s ago") move on. All waiting goes through the injected clock.
/// </summary>
public sealed partial class RefreshTicker : IDisposable
{
    /// <summary>The least time between two refreshes caused by results.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);

    private readonly LatestResults _latest;
    private readonly TimeProvider _timeProvider;
    private readonly Func<CheckResult, bool> _wanted;
    private readonly Func<Task> _refreshAsync;
    private readonly ILogger _logger;
    private readonly ITimer _debounce;
    private readonly ITimer _periodic;
    private readonly Lock _gate = new();
    private long? _lastRefresh;
    private bool _pending;
    private bool _disposed;

    /// <param name="latest">Where results arrive.</param>
    /// <param name="timeProvider">The clock for the gap and the period.</param>
    /// <param name="period">How often to refresh without any new result.</param>
    /// <param name="wanted">Which results should cause a refresh.</param>
    /// <param name="refreshAsync">Draws the page again; called from timer and publisher threads.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public RefreshTicker(
        LatestResults latest,
        TimeProvider timeProvider,
        TimeSpan period,
        Func<CheckResult, bool> wanted,
        Func<Task> refreshAsync,
        ILogger logger)
    {
        _latest = latest;
        _timeProvider = timeProvider;
        _wanted = wanted;
        _refreshAsync = refreshAsync;
        _logger = logger;
        _debounce = timeProvider.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _periodic = timeProvider.CreateTimer(_ => Fire(), null, period, period);
        _latest.Changed += OnChanged;
    }

    public void Dispose()
    {
        _latest.Changed -= OnChanged;
        lock (_gate)
        {
            _disposed = true;
        }

        _debounce.Dispose();
        _periodic.Dispose();
    }

    private void OnChanged(CheckResult result)
    {
        if (!_wanted(result))
        {
            return;
        }

        TimeSpan wait;
        lock (_gate)
        {
            if (_pending || _disposed)
            {
                return;
            }

            _pending = true;
            wait = _lastRefresh is { } last ? MinimumGap - _timeProvider.GetElapsedTime(last) : TimeSpan.Zero;
        }

        if (wait > TimeSpan.Zero)
        {
            _debounce.Change(wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            Fire();
        }
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending = false;
            _lastRefresh = _timeProvider.GetTimestamp();
        }

        _ = RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try
        {
            await _refreshAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A page whose connection just closed cannot be drawn; the next page starts afresh.
            LogRefreshFailed(ex);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "A dashboard page could not refresh")]
    private partial void LogRefreshFailed(Exception exception);
}
