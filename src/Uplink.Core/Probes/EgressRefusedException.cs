namespace Uplink.Probes;

/// <summary>Thrown inside the probe's connect callback when the egress policy refuses an address.</summary>
internal sealed class EgressRefusedException(string reason)
    : Exception("refused by egress policy: " + reason);
