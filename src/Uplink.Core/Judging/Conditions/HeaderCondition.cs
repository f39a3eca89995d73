using Uplink.Probes;

namespace Uplink.Judging.Conditions;

/// <summary>A response header (name compared without regard to case) satisfies a test.</summary>
public sealed class HeaderCondition(string name, ValueTest test) : Condition
{
    public string Name { get; } = name;

    public ValueTest Test { get; } = test;

    public override ConditionOutcome Evaluate(HttpExchange exchange)
    {
        var actual = exchange.Headers.TryGetValue(Name, out var value) ? value : null;
        return new ConditionOutcome(Test.Holds(actual), $"header {Name} ({ValueTest.Show(actual)}) {Test.Expectation}");
    }
}
