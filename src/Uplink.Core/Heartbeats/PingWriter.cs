using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uplink.Storage;

namespace Uplink.Heartbeats;

/// <summary>
/// Writes pings with group commit: whatever pings wait when the writer is free go into one
/// transaction, and each ping's task completes only after that transaction committed. The queue is
/// bounded; a ping that finds it full is refused at once rather than acknowledged late or falsely.
/// </summary>
public sealed partial class PingWriter(
    SqliteHeartbeatStore store,
    HeartbeatTracker tracker,
    HeartbeatOptions options,
    ILogger<PingWriter> logger) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>Queues a ping; the task ends when it is stored, refused or failed. Never throws.</summary>
    public Task<PingAck> SubmitAsync(Ping ping)
    {
        var done = new TaskCompletionSource<PingAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = new Pending(ping, done);
        if (_queue.Writer.TryWrite(pending))
        {
            return pending.Done.Task;
        }

        LogOverloaded(ping.Monitor);
        return Task.FromResult(PingAck.Overloaded);
    }

    /// <summary>
    /// Stops the loop, then writes what is still queued, so no sender waits forever: since .NET 10
    /// the loop runs through <c>Task.Run</c>, and a stop right after the start can cancel it unrun.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        await WriteWaitingAsync(new List<Pending>(options.MaxBatch));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteWaitingAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            await WriteWaitingAsync(batch);
        }
    }

    private async Task WriteWaitingAsync(List<Pending> batch)
    {
        do
        {
            batch.Clear();
            while (batch.Count < options.MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
            }
        }
        while (batch.Count == options.MaxBatch);
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var histories = new Dictionary<string, PingHistory>(StringComparer.Ordinal);
        var pings = new List<Ping>(batch.Count);
        foreach (var pending in batch)
        {
            var ping = pending.Ping;
            var history = histories.GetValueOrDefault(ping.Monitor) ?? tracker.History(ping.Monitor);
            var (next, duration) = history.Apply(ping);
            histories[ping.Monitor] = next;
            pings.Add(ping with { Duration = duration });
        }

        var ack = PingAck.Stored;
        try
        {
            await store.AppendPingsAsync(pings, CancellationToken.None);
            foreach (var (monitor, history) in histories)
            {
                tracker.Record(monitor, history);
            }

            LogWritten(batch.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWriteFailed(batch.Count, ex);
            ack = PingAck.StorageFailed;
        }

        foreach (var pending in batch)
        {
            pending.Done.TrySetResult(ack);
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Debug, Message = "Stored {Count} pings in one transaction")]
    private partial void LogWritten(int count);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error,
        Message = "Storing {Count} pings failed; they were answered 503")]
    private partial void LogWriteFailed(int count, Exception exception);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug, Message = "Refused a ping of {Monitor}: the queue is full")]
    private partial void LogOverloaded(string monitor);

    /// <summary>A ping and the task its sender waits on.</summary>
    private sealed record Pending(Ping Ping, TaskCompletionSource<PingAck> Done);
}
