using Uplink.Probes;

namespace Uplink.Judging.Conditions;

/// <summary>The bytes received for the response lie within bounds.</summary>
public sealed class SizeCondition(long? min, long? max) : Condition
{
    public long? Min { get; } = min;

    public long? Max { get; } = max;

    public override ConditionOutcome Evaluate(HttpExchange exchange)
    {
        var size = exchange.BytesReceived;
        var passed = (Min is null || size >= Min) && (Max is null || size <= Max);
        var bounds = (Min, Max) switch
        {
            ({ } lo, { } hi) => $"in [{ByteSize.Format(lo)}, {ByteSize.Format(hi)}]",
            ({ } lo, null) => $">= {ByteSize.Format(lo)}",
            (null, { } hi) => $"<= {ByteSize.Format(hi)}",
            _ => "any",
        };

        return new ConditionOutcome(passed, $"size ({ByteSize.Format(size)}) {bounds}");
    }
}
