namespace Uplink.TestSupport;

/// <summary>Tests that change process-wide state, such as environment variables, run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
