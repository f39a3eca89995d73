using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Uplink.Probes;

namespace Uplink.Judging.Conditions;

/// <summary>A value selected from the JSON body by a JSON path satisfies a test.</summary>
public sealed class JsonCondition(string path, ValueTest test) : Condition
{
    public string Path { get; } = path;

    public ValueTest Test { get; } = test;

    public override ConditionOutcome Evaluate(HttpExchange exchange)
    {
        if (!JsonValues.TrySelect(exchange.Body, Path, out var actual, out var problem))
        {
            return new ConditionOutcome(false, $"{Path} ({problem}) {Test.Expectation}");
        }

        return new ConditionOutcome(Test.Holds(actual), $"{Path} ({ValueTest.Show(actual)}) {Test.Expectation}");
    }
}

/// <summary>Selects one value from a JSON text by a JSON path, as text.</summary>
public static class JsonValues
{
    /// <summary>
    /// Finds the value at <paramref name="path"/>. Strings come back unquoted, other scalars in their
    /// JSON spelling, objects and arrays as compact JSON; a path that selects nothing gives null.
    /// Returns false, with the reason, when the body is not JSON or the path selects many values.
    /// </summary>
    public static bool TrySelect(string body, string path, out string? value, out string problem)
    {
        value = null;
        problem = "";
        JToken root;
        try
        {
            root = JToken.Parse(body);
        }
        catch (JsonException)
        {
            problem = "body is not JSON";
            return false;
        }

        try
        {
            var token = root.SelectToken(path, errorWhenNoMatch: false);
            value = token switch
            {
                null => null,
                JValue { Type: JTokenType.Null } => "null",
                JValue { Value: string text } => text,
                JValue scalar => scalar.ToString(Formatting.None).Trim('"'),
                _ => token.ToString(Formatting.None),
            };
            return true;
        }
        catch (JsonException)
        {
            problem = "path selects more than one value";
            return false;
        }
    }

    /// <summary>Returns why a JSON path cannot be used, or null when it is well formed.</summary>
    public static string? CheckPath(string path)
    {
        if (!path.StartsWith('$'))
        {
            return "a JSON path starts with '$', for example $.data.token";
        }

        try
        {
            new JObject().SelectToken(path, errorWhenNoMatch: false);
            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }
}
