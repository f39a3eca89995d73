using Uplink.Configuration;

namespace Uplink.Heartbeats;

public class PingDirectoryTests
{
    private const string Token = "3f9a1c7e5b2d4f60a8c1e3b5d7f9a2c4";
    private const string Key = "Kx7pQ2mZ9vR4tL8wN3yB6cD1";
    private const string Generated = "Zq3Vn8Rt2Lm6Wk9Px4Hb7Jc1Fd5";

    private static readonly HeartbeatDefinition Hourly = new()
    {
        Period = TimeSpan.FromHours(1),
        Grace = TimeSpan.FromMinutes(5),
        MaxRuntime = TimeSpan.FromMinutes(5),
    };

    private readonly PingDirectory _directory = new();

    public PingDirectoryTests()
    {
        MonitorDefinition[] heartbeats =
        [
            HeartbeatRig.Heartbeat("by-token", Hourly with { Token = Token }),
            HeartbeatRig.Heartbeat("by-slug", Hourly with { Slug = "nightly" }),
            HeartbeatRig.Heartbeat("generated", Hourly),
        ];
        _directory.Load(heartbeats, Key, new Dictionary<string, string> { ["generated"] = Generated });
    }

    [Theory]
    [InlineData(Token, "by-token", null)]
    [InlineData(Token + "/start", "by-token", "start")]
    [InlineData(Token + "/3", "by-token", "3")]
    [InlineData(Key + "/nightly", "by-slug", null)]
    [InlineData(Key + "/nightly/fail", "by-slug", "fail")]
    [InlineData(Generated + "/0", "generated", "0")]
    public void Resolve_KnownPath_FindsTheHeartbeatAndAction(string path, string monitor, string? action)
    {
        var (target, found) = Assert.IsType<(PingTarget, string?)>(_directory.Resolve(path));

        Assert.Equal((monitor, action), (target.Monitor.Name, found));
    }

    [Theory]
    [InlineData("3f9a1c7e5b2d4f60a8c1e3b5d7f9a2c5")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData(Key)]
    [InlineData(Key + "/other")]
    [InlineData(Token + "/start/extra")]
    [InlineData("nightly")]
    public void Resolve_UnknownPath_Null(string path) => Assert.Null(_directory.Resolve(path));

    [Fact]
    public void PathOf_EachKind_IsTheUrlToPing()
    {
        Assert.Equal($"/ping/{Token}", _directory.PathOf("by-token"));
        Assert.Equal($"/ping/{Key}/nightly", _directory.PathOf("by-slug"));
        Assert.Equal($"/ping/{Generated}", _directory.PathOf("generated"));
    }
}
