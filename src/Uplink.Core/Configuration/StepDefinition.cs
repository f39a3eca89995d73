using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Configuration;

/// <summary>One HTTP request of a monitor, with what its response must satisfy.</summary>
public sealed record StepDefinition
{
    public required string Name { get; init; }

    public string Method { get; init; } = "GET";

    public required Template Url { get; init; }

    public IReadOnlyList<KeyValuePair<string, Template>> Headers { get; init; } = [];

    public Template? Body { get; init; }

    /// <summary>An upload (<c>body-file</c> or <c>body-bytes</c>), sent instead of <see cref="Body"/>.</summary>
    public RequestContent? Content { get; init; }

    /// <summary>The operation that picks the thresholds, for example <c>data-fetch</c>.</summary>
    public required string Operation { get; init; }

    public required Thresholds Thresholds { get; init; }

    /// <summary>The operation's size budget on the wire, unless the monitor sets its own; null for none.</summary>
    public long? SizeBudget { get; init; }

    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    public IReadOnlyList<Extraction> Extractions { get; init; } = [];
}
