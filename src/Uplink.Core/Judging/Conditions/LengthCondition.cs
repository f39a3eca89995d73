using System.Globalization;
using Uplink.Probes;

namespace Uplink.Judging.Conditions;

/// <summary>The decoded body is exactly as long as expected, for example a downloaded file.</summary>
public sealed class LengthCondition(long expected) : Condition
{
    public long Expected { get; } = expected;

    public override ConditionOutcome Evaluate(HttpExchange exchange) => new(
        exchange.BodyBytes == Expected,
        string.Create(CultureInfo.InvariantCulture, $"length ({exchange.BodyBytes:N0} B) == {Expected:N0} B"));
}
