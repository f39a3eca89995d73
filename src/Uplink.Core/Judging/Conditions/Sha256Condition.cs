using Uplink.Probes;

namespace Uplink.Judging.Conditions;

/// <summary>The SHA-256 of the decoded body equals the expected digest (hex, case ignored).</summary>
public sealed class Sha256Condition(string expected) : Condition
{
    public string Expected { get; } = expected.ToLowerInvariant();

    public override ConditionOutcome Evaluate(HttpExchange exchange)
    {
        var actual = exchange.BodySha256;
        return new ConditionOutcome(actual == Expected, $"sha256 ({actual ?? "no body"}) == {Expected}");
    }
}
