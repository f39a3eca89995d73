namespace Uplink.Cli;

/// <summary>What Uplink's commands exit with.</summary>
public static class ExitCodes
{
    /// <summary>Everything is as it should be.</summary>
    public const int Ok = 0;

    /// <summary>A check found health at or past the level that fails.</summary>
    public const int Unhealthy = 1;

    /// <summary>The config (or the command line) cannot be used.</summary>
    public const int BadConfig = 2;
}
