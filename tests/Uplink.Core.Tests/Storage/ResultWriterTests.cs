using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Uplink.Checks;
using Uplink.Judging;
using Uplink.TestSupport;

namespace Uplink.Storage;

public class ResultWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StopAsync_AfterPublishing_EveryResultIsStored()
    {
        using var folder = new TempFolder();
        var store = new SqliteResultStore(folder.Path);
        await store.InitializeAsync(CancellationToken.None);
        var latest = new LatestResults();
        using var writer = new ResultWriter(store, latest, TimeProvider.System, NullLogger<ResultWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 1200; i++)
        {
            writer.Publish(Result("sync", At.AddSeconds(i), Health.Up));
        }

        await writer.StopAsync(CancellationToken.None);

        var stored = await store.GetResultsAsync("sync", At, At.AddHours(1), 5000, CancellationToken.None);
        Assert.Equal(1200, stored.Count);
        Assert.Equal(At.AddSeconds(1199), latest.Get("sync")!.StartedAt);
    }

    [Fact]
    public async Task Publish_StoreFailsOnce_RetriesAndKeepsTheBatch()
    {
        var time = new FakeTimeProvider(At);
        var store = new FlakyStore(failures: 1);
        using var writer = new ResultWriter(store, new LatestResults(), time, NullLogger<ResultWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        writer.Publish(Result("sync", At, Health.Down));
        await store.FirstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(store.Saved);

        // The retry waits one second on the writer's clock; advance it until the retry has run
        // (the writer may not have started waiting yet when the first advance happens).
        for (var i = 0; i < 200 && !store.Stored.Task.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(store.Stored.Task, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        Assert.Equal("sync", Assert.Single(store.Saved).Monitor);
        await writer.StopAsync(CancellationToken.None);
    }

    private static CheckResult Result(string monitor, DateTimeOffset at, Health health) => new()
    {
        Monitor = monitor,
        Region = CheckRunner.LocalRegion,
        PlannedAt = at,
        StartedAt = at,
        Duration = TimeSpan.FromMilliseconds(12),
        Health = health,
        Steps = [],
    };

    /// <summary>A store whose disk fails a given number of times before it works again.</summary>
    private sealed class FlakyStore(int failures) : IResultStore
    {
        private int _failures = failures;

        public List<CheckResult> Saved { get; } = [];

        public TaskCompletionSource FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SaveAsync(IReadOnlyList<CheckResult> results, CancellationToken cancellationToken)
        {
            FirstAttempt.TrySetResult();
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new IOException("disk I/O error");
            }

            Saved.AddRange(results);
            Stored.TrySetResult();
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<CheckResult>> GetResultsAsync(
            string monitor, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CheckResult>>(Saved);

        public Task<IReadOnlyDictionary<string, CheckResult>> GetLatestAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, CheckResult>>(new Dictionary<string, CheckResult>());
    }
}
