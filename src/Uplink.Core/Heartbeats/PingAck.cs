namespace Uplink.Heartbeats;

/// <summary>What became of a submitted ping.</summary>
public enum PingAck
{
    /// <summary>The ping's transaction is committed.</summary>
    Stored,

    /// <summary>The queue was full; the ping was not taken.</summary>
    Overloaded,

    /// <summary>Writing failed; the ping is not stored.</summary>
    StorageFailed,
}
