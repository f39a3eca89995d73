using Uplink.Probes;

namespace Uplink.TestSupport;

/// <summary>Assertions on an exchange that name the phase and the error together when they fail.</summary>
internal static class ExchangeAssert
{
    public static void FailedIn(ProbePhase phase, string error, HttpExchange exchange) =>
        Assert.Equal($"{phase}: {error}", $"{exchange.FailedPhase}: {exchange.Error}");
}
