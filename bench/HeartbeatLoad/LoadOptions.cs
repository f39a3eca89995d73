using System.Globalization;

namespace Uplink.Bench;

/// <summary>What one load run does; every count and duration is bounded.</summary>
internal sealed record LoadOptions(
    string UplinkDll,
    int Heartbeats,
    TimeSpan SustainedFor,
    int SustainedClients,
    TimeSpan BurstWindow,
    int Connections)
{
    public static LoadOptions Parse(string[] args)
    {
        if (args.Length < 1)
        {
            throw new ArgumentException("usage: HeartbeatLoad UPLINK_DLL [heartbeats] [sustained-seconds] [clients]");
        }

        return new LoadOptions(
            args[0],
            Math.Clamp(Arg(args, 1, 10_000), 1, 50_000),
            TimeSpan.FromSeconds(Math.Clamp(Arg(args, 2, 20), 1, 300)),
            Math.Clamp(Arg(args, 3, 64), 1, 1024),
            TimeSpan.FromSeconds(1),
            Math.Clamp(Arg(args, 4, 256), 1, 4096));
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
