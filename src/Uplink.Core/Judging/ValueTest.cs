using System.Globalization;
using System.Text.RegularExpressions;

namespace Uplink.Judging;

/// <summary>
/// A test of one value found in a response (a JSON value, a header, the body). The value is null
/// when it was not found at all.
/// </summary>
public abstract record ValueTest
{
    /// <summary>
    /// How long a regular expression may run before the test counts as failed. The engine is
    /// linear in the input, so this only bounds a huge body on a starved machine.
    /// </summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    public abstract bool Holds(string? actual);

    /// <summary>The operator and the expected value, for example <c>== "ok"</c>.</summary>
    public abstract string Expectation { get; }

    public static string Show(string? actual) =>
        actual is null ? "missing" : Quote(actual.Length > 60 ? actual[..57] + "..." : actual);

    internal static string Quote(string text) => "\"" + text + "\"";
}

/// <summary>The value equals the expected text (numbers compare by value: 1.0 equals 1).</summary>
public sealed record EqualsTest(string Expected) : ValueTest
{
    public override bool Holds(string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        if (actual == Expected)
        {
            return true;
        }

        return double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(Expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && a.Equals(e);
    }

    public override string Expectation => "== " + Quote(Expected);
}

/// <summary>The value is present (or, with false, absent).</summary>
public sealed record ExistsTest(bool ShouldExist) : ValueTest
{
    public override bool Holds(string? actual) => (actual is not null) == ShouldExist;

    public override string Expectation => ShouldExist ? "exists" : "is absent";
}

/// <summary>The value contains the expected text, case-sensitively.</summary>
public sealed record ContainsTest(string Expected) : ValueTest
{
    public override bool Holds(string? actual) =>
        actual is not null && actual.Contains(Expected, StringComparison.Ordinal);

    public override string Expectation => "contains " + Quote(Expected);
}

/// <summary>
/// The value matches a regular expression. The pattern runs on the non-backtracking engine with a
/// timeout, so a hostile pattern or value cannot hang a check.
/// </summary>
public sealed record MatchesTest(string Pattern) : ValueTest
{
    private readonly Regex _regex =
        new(Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);

    public override bool Holds(string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        try
        {
            return _regex.IsMatch(actual);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string Expectation => "matches /" + Pattern + "/";
}

/// <summary>The value is a number at least (or at most) the bound.</summary>
public sealed record BoundTest(double Bound, bool IsMinimum) : ValueTest
{
    public override bool Holds(string? actual) =>
        actual is not null
        && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && (IsMinimum ? value >= Bound : value <= Bound);

    public override string Expectation =>
        (IsMinimum ? ">= " : "<= ") + Bound.ToString(CultureInfo.InvariantCulture);
}
