namespace Uplink.Checks;

/// <summary>Takes results as checks finish. Publishing never waits for storage.</summary>
public interface IResultSink
{
    void Publish(CheckResult result);
}
