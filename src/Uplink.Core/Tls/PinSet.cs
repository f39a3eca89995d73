namespace Uplink.Tls;

/// <summary>
/// The keys one app or app version trusts for a host: a served chain must contain at least one of
/// them, or that app refuses the server.
/// </summary>
public sealed record PinSet
{
    /// <summary>Who holds these pins, for example <c>ios-5.2</c> or <c>android example.com</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The pins, primary first; a set needs a backup so that a key can be replaced.</summary>
    public required IReadOnlyList<Pin> Pins { get; init; }

    /// <summary>
    /// After this moment the app stops enforcing the set (Android's <c>expiration</c>); null for never.
    /// </summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The domains the set applies to, from an app's file; empty when it applies to its monitor.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Whether the set also covers the subdomains of <see cref="Domains"/>.</summary>
    public bool IncludeSubdomains { get; init; }

    /// <summary>Where the set was read: a file, or null for the config itself.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the set applies to <paramref name="host"/>: always when it names no domains.</summary>
    public bool AppliesTo(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Domains.Count == 0 || Domains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase)
            || (IncludeSubdomains && host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)));
    }
}
