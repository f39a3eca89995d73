namespace Uplink.Tls;

/// <summary>How one pin set fared against a served chain.</summary>
/// <param name="Name">The pin set.</param>
/// <param name="Matched">The subjects of the served certificates whose key the set pins; empty when none.</param>
/// <param name="Enforced">False once the set's expiration has passed: apps no longer check it.</param>
public sealed record PinSetMatch(string Name, IReadOnlyList<string> Matched, bool Enforced = true);
