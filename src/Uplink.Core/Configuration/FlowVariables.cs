namespace Uplink.Configuration;

/// <summary>
/// The variables a flow's steps have extracted so far, to check that each <c>{{name}}</c> is
/// extracted by an earlier step of the same flow.
/// </summary>
internal sealed class FlowVariables
{
    private readonly Dictionary<string, string> _stepsByVariable = new(StringComparer.Ordinal);

    private FlowVariables(bool isFlow) => IsFlow = isFlow;

    /// <summary>False for an http monitor, whose single request has no earlier step.</summary>
    public bool IsFlow { get; }

    public static FlowVariables ForFlow() => new(isFlow: true);

    public static FlowVariables ForHttpMonitor() => new(isFlow: false);

    /// <summary>Why <paramref name="variable"/> cannot be used in <paramref name="step"/>, or null.</summary>
    public string? Problem(string variable, string step)
    {
        if (!IsFlow)
        {
            return $"'{{{{{variable}}}}}' has no value: an http monitor is one request, so no earlier step "
                + $"extracts '{variable}'; make it a flow whose earlier step extracts it";
        }

        return _stepsByVariable.ContainsKey(variable)
            ? null
            : $"'{{{{{variable}}}}}' is not extracted by any step before '{step}'; "
                + $"extract '{variable}' in an earlier step of this flow";
    }

    /// <summary>Records that <paramref name="step"/> extracts <paramref name="variable"/>.</summary>
    /// <returns>The earlier step that already extracts it, or null.</returns>
    public string? Add(string variable, string step) =>
        _stepsByVariable.TryAdd(variable, step) ? null : _stepsByVariable[variable];
}
