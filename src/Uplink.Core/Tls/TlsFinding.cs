using Uplink.Judging;

namespace Uplink.Tls;

/// <summary>One thing wrong, or about to go wrong, with a server's certificates, and how bad it is.</summary>
public sealed record TlsFinding(Health Health, string Text);
