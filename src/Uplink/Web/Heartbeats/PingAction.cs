using System.Globalization;
using Uplink.Heartbeats;

namespace Uplink.Web.Heartbeats;

/// <summary>What the last part of a ping URL asks for: nothing (success), start, fail, or an exit code.</summary>
/// <param name="Kind">The kind of ping.</param>
/// <param name="ExitCode">The exit code the job reported, if any.</param>
internal sealed record PingAction(PingKind Kind, int? ExitCode)
{
    /// <summary>Reads the action; null with a problem for anything else, such as exit code 256.</summary>
    public static PingAction? Parse(string? action, out string? problem)
    {
        problem = null;
        switch (action)
        {
            case null or "":
                return new(PingKind.Success, null);
            case "start":
                return new(PingKind.Start, null);
            case "fail":
                return new(PingKind.Fail, null);
        }

        if (int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 255)
        {
            return new(code == 0 ? PingKind.Success : PingKind.Fail, code);
        }

        problem = $"'{action}' is not a ping action; use start, fail, or an exit code from 0 to 255";
        return null;
    }
}
