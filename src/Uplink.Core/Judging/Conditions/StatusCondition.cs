namespace Uplink.Judging.Conditions;

/// <summary>An inclusive range of status codes; a single code is a range of one.</summary>
public readonly record struct StatusRange(int From, int To)
{
    public bool Contains(int code) => code >= From && code <= To;

    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}

/// <summary>The response's status code is one of the accepted codes or ranges.</summary>
public sealed class StatusCondition(IReadOnlyList<StatusRange> accepted) : Condition
{
    public IReadOnlyList<StatusRange> Accepted { get; } = accepted;

    public override ConditionOutcome Evaluate(Probes.HttpExchange exchange)
    {
        var code = (int?)exchange.StatusCode;
        var passed = code is { } c && Accepted.Any(range => range.Contains(c));
        var expected = Accepted.Count == 1 && Accepted[0].From == Accepted[0].To
            ? $"== {Accepted[0]}"
            : $"in [{string.Join(", ", Accepted)}]";

        return new ConditionOutcome(passed, $"status ({code?.ToString() ?? "none"}) {expected}");
    }
}
