namespace Uplink.Web.Api;

/// <summary>One configured request of a monitor and the thresholds of its operation.</summary>
/// <param name="Name">The step's name; for an http monitor, the monitor's name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL as configured, with any <c>{{variable}}</c> placeholders left in.</param>
/// <param name="Operation">The operation that picks the thresholds, for example <c>data-fetch</c>.</param>
/// <param name="Thresholds">The operation's target, warning and critical durations.</param>
public sealed record StepDefinitionResponse(
    string Name,
    string Method,
    string Url,
    string Operation,
    ThresholdsResponse Thresholds);
