using System.Globalization;
using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Mobile;

/// <summary>
/// Judges what a request moved against its size budget, and its projections against the app's timeout.
/// </summary>
public static class TransferJudge
{
    public static TransferReport Judge(HttpExchange exchange, long? operationBudget, MobileOptions options)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(options);
        var facts = exchange.Transfer;
        var budget = options.SizeBudget ?? operationBudget;
        var projections = Project(facts, options);
        var findings = new List<TransferFinding>();
        if (exchange.Succeeded && budget is { } limit && facts.WireBytes > limit)
        {
            findings.Add(new(options.OverBudget, $"{ByteSize.Format(facts.WireBytes)} on the wire is over the "
                + $"size budget of {ByteSize.Format(limit)}"));
        }

        if (exchange.Succeeded && projections.FirstOrDefault(p => p.PassesAppTimeout) is { } slow)
        {
            findings.Add(new(options.OverAppTimeout, slow.Describe(facts.WireBytes)));
        }

        return new TransferReport
        {
            Facts = facts,
            SizeBudget = budget,
            Emulated = options.Emulate?.Name,
            Projections = projections,
            Lifecycle = LifecycleOf(exchange.Headers),
            Findings = findings,
        };
    }

    private static List<Projection> Project(TransferFacts facts, MobileOptions options)
    {
        var projections = options.Profiles
            .Select(p => new Projection(p.Name, Projector.Project(facts, p), options.AppTimeout))
            .ToList();
        if (options.Emulate is { } emulated && projections.All(p => p.Profile != emulated.Name))
        {
            projections.Add(new(emulated.Name, Projector.Project(facts, emulated), options.AppTimeout, Emulated: true));
        }

        return projections;
    }

    /// <summary>The Deprecation and Sunset headers with their dates; null when the response sent neither.</summary>
    public static ApiLifecycle? LifecycleOf(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var deprecation = headers.GetValueOrDefault("Deprecation");
        var sunset = headers.GetValueOrDefault("Sunset");
        if (deprecation is null && sunset is null)
        {
            return null;
        }

        return new ApiLifecycle
        {
            Deprecation = deprecation,
            DeprecatedAt = ParseDate(deprecation),
            Sunset = sunset,
            SunsetAt = ParseDate(sunset),
        };
    }

    /// <summary>Reads <c>@1688169599</c> (RFC 9745) or an HTTP date (RFC 8594 and older drafts).</summary>
    private static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith('@')
            && long.TryParse(text[1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
        {
            return DateTimeOffset.FromUnixTimeSeconds(s);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }
}
