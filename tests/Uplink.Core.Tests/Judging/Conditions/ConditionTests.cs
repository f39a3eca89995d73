using System.Net;
using Uplink.Probes;

namespace Uplink.Judging.Conditions;

public class ConditionTests
{
    [Fact]
    public void Status_WrongCode_ShowsTheActualCode()
    {
        var outcome = new StatusCondition([new StatusRange(200, 200)]).Evaluate(Response(HttpStatusCode.ServiceUnavailable));

        Assert.False(outcome.Passed);
        Assert.Equal("status (503) == 200", outcome.Text);
    }

    [Fact]
    public void Status_ListAndRange_AcceptsEachMember()
    {
        var condition = new StatusCondition([new StatusRange(200, 204), new StatusRange(304, 304)]);

        Assert.True(condition.Evaluate(Response(HttpStatusCode.NoContent)).Passed);
        Assert.True(condition.Evaluate(Response(HttpStatusCode.NotModified)).Passed);
        var outcome = condition.Evaluate(Response(HttpStatusCode.PartialContent));
        Assert.False(outcome.Passed);
        Assert.Equal("status (206) in [200-204, 304]", outcome.Text);
    }

    [Fact]
    public void Json_WrongValue_ShowsActualAndExpected()
    {
        var outcome = new JsonCondition("$.user.name", new EqualsTest("alice"))
            .Evaluate(Response(body: """{"user": {"name": "bob"}}"""));

        Assert.False(outcome.Passed);
        Assert.Equal("$.user.name (\"bob\") == \"alice\"", outcome.Text);
    }

    [Fact]
    public void Json_MissingValue_SaysMissing()
    {
        var outcome = new JsonCondition("$.sessionToken", new ExistsTest(true)).Evaluate(Response(body: """{"error": 101}"""));

        Assert.False(outcome.Passed);
        Assert.Equal("$.sessionToken (missing) exists", outcome.Text);
    }

    [Fact]
    public void Json_NotJsonBody_SaysSo()
    {
        var outcome = new JsonCondition("$.ok", new EqualsTest("true")).Evaluate(Response(body: "<html>maintenance</html>"));

        Assert.False(outcome.Passed);
        Assert.Equal("$.ok (body is not JSON) == \"true\"", outcome.Text);
    }

    [Theory]
    [InlineData("""{"count": 3}""", "$.count", true)]
    [InlineData("""{"count": 3.0}""", "$.count", true)]
    [InlineData("""{"count": 4}""", "$.count", false)]
    [InlineData("""{"items": [{"id": "a"}, {"id": "3"}]}""", "$.items[1].id", true)]
    public void Json_NumbersCompareByValue(string body, string path, bool expected) =>
        Assert.Equal(expected, new JsonCondition(path, new EqualsTest("3")).Evaluate(Response(body: body)).Passed);

    [Fact]
    public void Json_BoundsOnNumbers_HoldAtTheBound()
    {
        var body = """{"total": 12}""";

        Assert.True(new JsonCondition("$.total", new BoundTest(12, IsMinimum: true)).Evaluate(Response(body: body)).Passed);
        var outcome = new JsonCondition("$.total", new BoundTest(11, IsMinimum: false)).Evaluate(Response(body: body));
        Assert.False(outcome.Passed);
        Assert.Equal("$.total (\"12\") <= 11", outcome.Text);
    }

    [Fact]
    public void Header_ContainsIgnoresNameCase_AndShowsTheActualValue()
    {
        var exchange = Response(headers: new() { ["Content-Type"] = "text/html; charset=utf-8" });

        var outcome = new HeaderCondition("content-type", new ContainsTest("json")).Evaluate(exchange);

        Assert.False(outcome.Passed);
        Assert.Equal("header content-type (\"text/html; charset=utf-8\") contains \"json\"", outcome.Text);
    }

    [Fact]
    public void Body_Matches_UsesTheRegularExpression()
    {
        var exchange = Response(body: "version 5.2.0 ready");

        Assert.True(new BodyCondition(new MatchesTest(@"\d+\.\d+\.\d+")).Evaluate(exchange).Passed);
        Assert.False(new BodyCondition(new MatchesTest("^ready")).Evaluate(exchange).Passed);
    }

    [Fact]
    public void Body_HostilePatternOnALongValue_EndsQuickly()
    {
        var exchange = Response(body: new string('a', 50_000) + "!");

        var outcome = new BodyCondition(new MatchesTest("^(a+)+$")).Evaluate(exchange);

        Assert.False(outcome.Passed);
    }

    [Fact]
    public void Size_OverTheMaximum_ShowsBothSizes()
    {
        var outcome = new SizeCondition(null, 64 * 1024).Evaluate(Response(bytes: 100 * 1024));

        Assert.False(outcome.Passed);
        Assert.Equal("size (100 KB) <= 64 KB", outcome.Text);
    }

    private static HttpExchange Response(
        HttpStatusCode status = HttpStatusCode.OK,
        string body = "",
        Dictionary<string, string>? headers = null,
        long bytes = 100) => new()
        {
            Method = "GET",
            Url = new Uri("http://127.0.0.1/"),
            Duration = TimeSpan.FromMilliseconds(10),
            Timings = PhaseTimings.None,
            StatusCode = status,
            Body = body,
            Headers = new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase),
            BytesReceived = bytes,
        };
}
