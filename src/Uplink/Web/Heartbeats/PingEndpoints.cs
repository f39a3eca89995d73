using System.Buffers;
using System.Text;
using Uplink.Heartbeats;

namespace Uplink.Web.Heartbeats;

/// <summary>
/// The ping endpoints, by GET, POST or HEAD: <c>/ping/TOKEN</c> (success), <c>/ping/TOKEN/start</c>,
/// <c>/ping/TOKEN/fail</c> and <c>/ping/TOKEN/CODE</c>, or the same under <c>/ping/KEY/SLUG</c>. A ping
/// is answered 200 only once it is committed; a full queue or a failed write gives 503.
/// </summary>
public static class PingEndpoints
{
    /// <summary>The longest run id taken from <c>?rid=</c>.</summary>
    public const int MaxRunIdLength = 64;

    private const int MaxHeaderLength = 512;

    public static IEndpointRouteBuilder MapPingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/ping/{**path}", ["GET", "POST", "HEAD"], PingAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PingAsync(
        string path,
        HttpContext context,
        PingDirectory directory,
        PingWriter writer,
        UnknownPingLimiter limiter,
        TimeProvider timeProvider,
        HeartbeatOptions options)
    {
        if (!directory.IsReady)
        {
            return Unavailable(context, "Uplink is starting; ping again in a moment");
        }

        if (directory.Resolve(path) is not var (target, action))
        {
            var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return limiter.TryAcquire(source)
                ? Text(StatusCodes.Status404NotFound, "no heartbeat has this ping URL")
                : Text(StatusCodes.Status429TooManyRequests, "too many pings to unknown URLs; wait a minute");
        }

        if (PingAction.Parse(action, out var problem) is not { } parsed)
        {
            return Text(StatusCodes.Status400BadRequest, problem!);
        }

        var runId = context.Request.Query["rid"].ToString();
        if (runId.Length > MaxRunIdLength)
        {
            return Text(StatusCodes.Status400BadRequest, $"a run id has at most {MaxRunIdLength} characters");
        }

        var (body, truncated) = await ReadBodyAsync(context.Request, options.BodyLimit, context.RequestAborted);
        var now = timeProvider.GetUtcNow();
        var ping = new Ping
        {
            Monitor = target.Monitor.Name,
            ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            Kind = parsed.Kind,
            ExitCode = parsed.ExitCode,
            RunId = runId.Length == 0 ? null : runId,
            Source = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Cut(context.Request.Headers.UserAgent.ToString()),
            Query = Cut(context.Request.QueryString.Value),
            Body = body,
            BodyTruncated = truncated,
        };

        return await writer.SubmitAsync(ping) switch
        {
            PingAck.Stored => Text(StatusCodes.Status200OK, "OK"),
            PingAck.Overloaded => Unavailable(context, "too many pings at once; it was not stored, send it again"),
            _ => Unavailable(context, "the ping could not be stored; send it again"),
        };
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body; says whether there was more.</summary>
    private static async Task<(string? Body, bool Truncated)> ReadBodyAsync(
        HttpRequest request,
        int limit,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var length = 0;
            int read;
            do
            {
                read = await request.Body.ReadAsync(buffer.AsMemory(length, limit + 1 - length), cancellationToken);
                length += read;
            }
            while (read > 0 && length <= limit);

            var truncated = length > limit;
            var kept = Math.Min(length, limit);
            // NUL cannot be stored in a text column whole, so it is shown as the NUL symbol.
            return (kept == 0 ? null : Encoding.UTF8.GetString(buffer, 0, kept).Replace('\0', '\u2400'), truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Cut(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= MaxHeaderLength ? value : value[..MaxHeaderLength];

    private static IResult Text(int status, string text) =>
        Results.Text(text + "\n", "text/plain; charset=utf-8", Encoding.UTF8, status);

    private static IResult Unavailable(HttpContext context, string text)
    {
        context.Response.Headers.RetryAfter = "1";
        return Text(StatusCodes.Status503ServiceUnavailable, text);
    }
}
