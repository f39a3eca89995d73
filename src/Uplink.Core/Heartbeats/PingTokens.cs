using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Uplink.Heartbeats;

/// <summary>
/// Ping tokens and project keys: made of URL-safe characters and long enough to hold at least
/// 128 bits, so that a ping URL cannot be guessed.
/// </summary>
public static class PingTokens
{
    /// <summary>The fewest characters a token of hexadecimal digits needs for 128 bits.</summary>
    public const int MinHexLength = 32;

    /// <summary>The fewest characters a token of letters, digits, '-' and '_' needs for 128 bits.</summary>
    public const int MinLength = 22;

    /// <summary>A new random token of 192 bits, written as 32 URL-safe characters.</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Why <paramref name="token"/> cannot be a token or a key, or null when it can.</summary>
    public static string? Problem(string token)
    {
        if (!token.All(IsUrlSafe))
        {
            return "use only letters, digits, '-' and '_'";
        }

        var hex = token.All(char.IsAsciiHexDigit);
        var needed = hex ? MinHexLength : MinLength;
        if (token.Length < needed || token.Distinct().Count() < 8)
        {
            return $"it is too easy to guess; use at least {needed} random "
                + (hex ? "hexadecimal digits" : "letters and digits") + " (128 bits), e.g. from "
                + "'openssl rand -hex 16'";
        }

        return null;
    }

    /// <summary>
    /// The SHA-256 of an identity, used as the lookup key: every lookup hashes the same way and then
    /// compares fixed-size hashes, so a near miss takes as long as a far one.
    /// </summary>
    public static string Hash(string identity) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));

    private static bool IsUrlSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
