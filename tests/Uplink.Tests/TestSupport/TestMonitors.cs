using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Judging.Conditions;

namespace Uplink.TestSupport;

/// <summary>Monitor definitions built in code, as the config loader would build them.</summary>
public static class TestMonitors
{
    public static MonitorDefinition Http(
        string name,
        string url,
        string operation = Operations.DataFetch,
        string group = "default",
        TimeSpan? interval = null) => new()
        {
            Name = name,
            Kind = MonitorKind.Http,
            Group = group,
            Interval = interval ?? TimeSpan.FromHours(1),
            Timeout = TimeSpan.FromSeconds(10),
            Steps = [Step(name, url, operation)],
        };

    public static MonitorDefinition Flow(
        string name,
        IReadOnlyList<StepDefinition> steps,
        string group = "default",
        TimeSpan? interval = null) => new()
        {
            Name = name,
            Kind = MonitorKind.Flow,
            Group = group,
            Interval = interval ?? TimeSpan.FromHours(1),
            Timeout = TimeSpan.FromSeconds(10),
            Budget = TimeSpan.FromSeconds(3),
            Steps = steps,
        };

    /// <summary>A GET whose status must be 200, judged by the built-in thresholds of its operation.</summary>
    public static StepDefinition Step(string name, string url, string operation = Operations.DataFetch) => new()
    {
        Name = name,
        Url = Template.Parse(url),
        Operation = operation,
        Thresholds = Operations.BuiltIn[operation],
        Conditions = [new StatusCondition([new StatusRange(200, 200)])],
    };

    public static UplinkConfig Config(params MonitorDefinition[] monitors) => new() { Monitors = monitors };

    public static Thresholds ThresholdsOf(string operation) => Operations.BuiltIn[operation];
}
