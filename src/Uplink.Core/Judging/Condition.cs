using Uplink.Probes;

namespace Uplink.Judging;

/// <summary>Something a response must satisfy. Evaluating a condition never throws.</summary>
public abstract class Condition
{
    public abstract ConditionOutcome Evaluate(HttpExchange exchange);
}
