using Uplink.Probes;

namespace Uplink.Judging.Conditions;

/// <summary>The decoded response body satisfies a test.</summary>
public sealed class BodyCondition(ValueTest test) : Condition
{
    public ValueTest Test { get; } = test;

    public override ConditionOutcome Evaluate(HttpExchange exchange) =>
        new(Test.Holds(exchange.Body), $"body ({ValueTest.Show(exchange.Body)}) {Test.Expectation}");
}
