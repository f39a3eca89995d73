using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>Binds the <c>steps</c> of a flow monitor, in order, tracking the variables they extract.</summary>
internal sealed class FlowBinder(ConfigReader reader, OperationCatalog operations)
{
    public IReadOnlyList<StepDefinition>? Bind(MapFields monitor)
    {
        if (monitor.Entry("steps") is not { } entry)
        {
            reader.Error(monitor.Path, monitor.Node,
                "missing required key 'steps'; a flow lists its requests under 'steps'");
            return null;
        }

        if (reader.List(entry.Value, entry.Path) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            reader.Error(entry.Path, entry.Value, "a flow needs at least one step");
            return null;
        }

        return BindSteps(items);
    }

    private List<StepDefinition>? BindSteps(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        var names = new UniqueNames(reader, "step");
        var variables = FlowVariables.ForFlow();
        var binder = new StepBinder(reader, operations);
        var steps = new List<StepDefinition>(items.Count);
        foreach (var (node, path) in items)
        {
            if (reader.Map(node, path, MonitorKeys.Step) is not { } map)
            {
                continue;
            }

            var name = names.Read(map);
            if (binder.Bind(map, name ?? map.Path, variables) is { } step && name is not null)
            {
                steps.Add(step);
            }
        }

        return steps.Count == items.Count ? steps : null;
    }
}
