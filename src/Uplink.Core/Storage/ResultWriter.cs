using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uplink.Checks;
using Uplink.Judging;

namespace Uplink.Storage;

/// <summary>
/// Queues published results and writes them to the store in batches from one background loop, so
/// that a check never waits on the disk. A failed batch is retried a few times before it is
/// logged and dropped; the process keeps running either way.
/// </summary>
public sealed partial class ResultWriter(
    IResultStore store,
    LatestResults latest,
    TimeProvider timeProvider,
    ILogger<ResultWriter> logger) : BackgroundService, IResultSink
{
    /// <summary>The most results written in one transaction.</summary>
    public const int MaxBatch = 500;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<CheckResult> _queue = Channel.CreateUnbounded<CheckResult>(
        new UnboundedChannelOptions { SingleReader = true });

    public void Publish(CheckResult result)
    {
        var previous = latest.Get(result.Monitor)?.Health;
        latest.Offer(result);
        _queue.Writer.TryWrite(result);
        if (previous != result.Health)
        {
            var was = previous?.Name() ?? "new";
            LogHealthChanged(result.Monitor, result.Region, result.Health.Name(), was, result.Error);
        }
    }

    /// <summary>Writes everything queued so far.</summary>
    private async Task FlushAsync()
    {
        var batch = new List<CheckResult>();
        while (_queue.Reader.TryRead(out var result))
        {
            batch.Add(result);
        }

        if (batch.Count > 0)
        {
            await WriteAsync(batch);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CheckResult>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var result))
                {
                    batch.Add(result);
                }

                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Stops the loop, then writes what is still queued. The final flush happens here rather than
    /// in the loop, because a loop that is stopped before it ever ran never sees its own end.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    /// <summary>
    /// Writes one batch, retrying a failed write twice. The store is never handed a cancellation
    /// token: a batch that has been taken from the queue is written or logged as lost, not dropped
    /// half-way by a shutdown.
    /// </summary>
    private async Task WriteAsync(List<CheckResult> batch)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.SaveAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < Attempts)
            {
                LogWriteRetry(batch.Count, attempt, ex);
                await Task.Delay(RetryDelay, timeProvider, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWriteFailed(batch.Count, ex);
                return;
            }
        }
    }

    [LoggerMessage(
        EventId = 1010,
        Level = LogLevel.Information,
        Message = "{Monitor} from {Region} is {Health}, was {Previous}: {Reason}")]
    private partial void LogHealthChanged(
        string monitor,
        string region,
        string health,
        string previous,
        string? reason);

    [LoggerMessage(
        EventId = 3001,
        Level = LogLevel.Warning,
        Message = "Storing {Count} results failed (attempt {Attempt}); retrying")]
    private partial void LogWriteRetry(int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Storing {Count} results failed; they are lost")]
    private partial void LogWriteFailed(int count, Exception exception);
}
