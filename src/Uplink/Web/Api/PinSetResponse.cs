namespace Uplink.Web.Api;

/// <summary>How one pin set fared against the served chain.</summary>
/// <param name="Name">The app or app version that holds the pins.</param>
/// <param name="Matches">Whether a served certificate carries one of its keys.</param>
/// <param name="Matched">The subjects of the served certificates it pins.</param>
/// <param name="Enforced">False once the set's expiration has passed.</param>
public sealed record PinSetResponse(string Name, bool Matches, IReadOnlyList<string> Matched, bool Enforced);
