using System.Text.RegularExpressions;

namespace Uplink.Configuration;

/// <summary>
/// Replaces <c>${NAME}</c> in a config value with the environment variable <c>NAME</c>;
/// <c>$${</c> stands for a literal <c>${</c>.
/// </summary>
internal static partial class EnvironmentSubstitution
{
    /// <summary>Substitutes every reference; each one that cannot be resolved adds a problem.</summary>
    public static string Apply(string text, Func<string, string?> environment, List<string> problems)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        return Reference().Replace(text, match => Resolve(match, environment, problems));
    }

    private static string Resolve(Match match, Func<string, string?> environment, List<string> problems)
    {
        if (match.Value == "$${")
        {
            return "${";
        }

        var name = match.Groups["name"].Value;
        if (!match.Groups["close"].Success)
        {
            problems.Add("'${' is not closed; write ${NAME}, or $${ for a literal '${'");
            return match.Value;
        }

        if (!VariableName().IsMatch(name))
        {
            problems.Add($"'${{{name}}}' is not an environment variable reference; "
                + "a name has letters, digits and '_' and does not start with a digit");
            return match.Value;
        }

        var value = environment(name);
        if (value is null)
        {
            problems.Add($"environment variable {name} is not set");
            return match.Value;
        }

        return value;
    }

    [GeneratedRegex(@"\$\$\{|\$\{(?<name>[^}]*)(?<close>\})?")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
