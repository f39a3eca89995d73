using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Mobile;

/// <summary>How a monitor weighs its responses the way a phone would: size, slow links and app timeouts.</summary>
public sealed record MobileOptions
{
    /// <summary>The default time an app waits for a response before it gives up: 15 seconds.</summary>
    public static readonly TimeSpan DefaultAppTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The options of a monitor that sets none of them.</summary>
    public static MobileOptions None { get; } = new();

    /// <summary>The <c>Accept-Encoding</c> sent unless a request sets its own.</summary>
    /// <value>Null: the probe's default, <c>gzip, br, deflate</c>.</value>
    public string? AcceptEncoding { get; init; }

    /// <summary>The most bytes a response may carry on the wire, headers included; null for no budget.</summary>
    public long? SizeBudget { get; init; }

    /// <summary>The health of a response over its size budget.</summary>
    /// <value>Degraded by default.</value>
    public Health OverBudget { get; init; } = Health.Degraded;

    /// <summary>The profiles each check is projected onto.</summary>
    public IReadOnlyList<NetworkProfile> Profiles { get; init; } = [];

    /// <summary>How long the app waits before it gives up; a projection past it is flagged.</summary>
    /// <value>15 seconds by default.</value>
    public TimeSpan AppTimeout { get; init; } = DefaultAppTimeout;

    /// <summary>The health of a check whose projection passes the app timeout.</summary>
    /// <value>Degraded by default.</value>
    public Health OverAppTimeout { get; init; } = Health.Degraded;

    /// <summary>The profile the check runs on for real; null to run on the link as it is.</summary>
    public NetworkProfile? Emulate { get; init; }
}
