namespace Uplink.Web.Api;

/// <summary>One thing wrong, or about to go wrong, with a host's certificates.</summary>
/// <param name="Health">The health it gives: <c>degraded</c>, <c>critical</c> or <c>down</c>.</param>
/// <param name="Text">What it is, in words, for example <c>certificate CN=api expires in 5 days</c>.</param>
public sealed record FindingResponse(string Health, string Text);
