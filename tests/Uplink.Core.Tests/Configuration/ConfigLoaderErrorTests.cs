namespace Uplink.Configuration;

public class ConfigLoaderErrorTests
{
    private const string Api = """
        monitors:
          - name: api
            url: https://api.example.com/health
            operation: data-fetch
        """;

    private const string Flow = """
        monitors:
          - name: chain
            kind: flow
            steps:
              - name: one
                url: https://api.example.com/a
                operation: data-fetch
        """;

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { "monitorz: []\n" + Api, "monitorz", "unknown key 'monitorz'; did you mean 'monitors'?" },
        { Api + "\n    intervall: 30s", "monitors[0].intervall", "unknown key 'intervall'; did you mean 'interval'?" },
        { Api + "\n    colour: red", "monitors[0].colour", "unknown key 'colour'; expected one of name, kind" },
        {
            Api + "\n    interval: 30 sec", "monitors[0].interval",
            "'30 sec' is not a duration; write a number and ms, s, m or h, e.g. 30s"
        },
        { Api + "\n    interval: 0s", "monitors[0].interval", "must be more than zero" },
        { Api + "\n    timeout: -5s", "monitors[0].timeout", "'-5s' is negative" },
        { "defaults: { interval: 30 }\n" + Api, "defaults.interval", "'30' is not a duration" },
        { "defaults: { timeout: 0ms }\n" + Api, "defaults.timeout", "must be more than zero" },
        { "defaults: [30s]\n" + Api, "defaults", "expected a map of keys and values, found a list" },
        { Api.Replace("data-fetch", "serch"), "monitors[0].operation",
            "unknown operation 'serch'; did you mean 'search'?" },
        { Api.Replace("data-fetch", "checkout"), "monitors[0].operation",
            "known operations: auth-refresh, data-fetch, file-upload, search; add new ones under 'operations'" },
        {
            "operations:\n  search: { warning: 400ms }\n" + Api, "operations.search.warning",
            "target (500 ms) is above warning (400 ms); an operation needs target ≤ warning ≤ critical"
        },
        {
            "operations:\n  search: { target: 5s }\n" + Api, "operations.search.target",
            "target (5 s) is above warning (1 s)"
        },
        {
            "operations:\n  checkout: { target: 1s, warning: 2s }\n" + Api, "operations.checkout",
            "new operation 'checkout' is missing critical"
        },
        { "operations:\n  search: { warn: 1s }\n" + Api, "operations.search.warn", "did you mean 'warning'?" },
        { Api + "\n  - name: api\n    url: https://a.example.com\n    operation: search", "monitors[1].name",
            "monitor name 'api' is already used by monitors[0]" },
        { Api.Replace("name: api", "name: my api"), "monitors[0].name", "'my api' is not a valid monitor name" },
        { Api.Replace("- name: api\n   ", "-"), "monitors[0]", "missing required key 'name'" },
        { Api.Replace("    url: https://api.example.com/health\n", ""), "monitors[0]", "missing required key 'url'" },
        { Api.Replace("\n    operation: data-fetch", ""), "monitors[0]", "missing required key 'operation'" },
        { Api.Replace("https://api.example.com/health", "/health"), "monitors[0].url",
            "'/health' is not an absolute http or https URL" },
        { Api.Replace("https://api.example.com/health", "ftp://files.example.com"), "monitors[0].url",
            "is not an absolute http or https URL" },
        { Api.Replace("/health", "/{{id}}"), "monitors[0].url",
            "an http monitor is one request" },
        { Api + "\n    method: FETCH", "monitors[0].method", "'FETCH' is not an HTTP method; use GET, POST" },
        { Api + "\n    kind: job", "monitors[0].kind", "'job' is not a monitor kind; use http, flow, tls or heartbeat" },
        { Api + "\n    steps: []", "monitors[0].steps", "'steps' belongs to a flow monitor; add 'kind: flow'" },
        { Api + "\n    extract: { token: $.token }", "monitors[0].extract",
            "'extract' is only allowed in a flow's steps" },
        { Api + "\n    body: { a: 1 }", "monitors[0].body", "quote a JSON body as one string" },
        { Api + "\n    expect: { status: 700 }", "monitors[0].expect.status", "a status code is from 100 to 599" },
        { Api + "\n    expect: { status: ok }", "monitors[0].expect.status", "'ok' is not a status; write a code" },
        { Api + "\n    expect: { status: [200, 299-200] }", "monitors[0].expect.status[1]", "runs backwards" },
        { Api + "\n    expect: { stauts: 200 }", "monitors[0].expect.stauts", "did you mean 'status'?" },
        { Api + "\n    expect: { json: { token: { exists: true } } }", "monitors[0].expect.json.token",
            "a JSON path starts with '$'" },
        { Api + "\n    expect: { json: { '$.a[': 1 } }", "monitors[0].expect.json.$.a[", "is not a valid JSON path" },
        { Api + "\n    expect: { body: { matches: '(unclosed' } }", "monitors[0].expect.body.matches",
            "'(unclosed' is not a usable regular expression" },
        { Api + "\n    expect: { body: { matches: '(a)\\1' } }", "monitors[0].expect.body.matches",
            "is not a usable regular expression" },
        { Api + "\n    expect: { headers: { X-A: { contains: a, equals: b } } }", "monitors[0].expect.headers.X-A",
            "a value test takes exactly one operator, found contains and equals" },
        { Api + "\n    expect: { body: {} }", "monitors[0].expect.body", "needs exactly one of equals, exists" },
        { Api + "\n    expect: { json: { $.n: { min: ten } } }", "monitors[0].expect.json.$.n.min",
            "'ten' is not a number" },
        { Api + "\n    expect: { json: { $.n: { exists: maybe } } }", "monitors[0].expect.json.$.n.exists",
            "'maybe' is not true or false" },
        { Api + "\n    expect: { size: { max: 100 kilobytes } }", "monitors[0].expect.size.max", "is not a size" },
        { Api + "\n    expect: { size: { min: 2KB, max: 1KB } }", "monitors[0].expect.size.min", "is above max" },
        { Flow + "\n    url: https://api.example.com", "monitors[0].url", "'url' belongs in a step of a flow" },
        { Flow.Replace("    steps:\n      - name: one\n        url: https://api.example.com/a\n" +
            "        operation: data-fetch", "    budget: 3s"), "monitors[0]", "missing required key 'steps'" },
        { "monitors:\n  - name: chain\n    kind: flow\n    steps: []", "monitors[0].steps", "at least one step" },
        { Flow + "\n      - name: one\n        url: https://api.example.com/b\n        operation: search",
            "monitors[0].steps[1].name", "step name 'one' is already used by monitors[0].steps[0]" },
        { Flow + "\n        headers: { X-Token: '{{token}}' }", "monitors[0].steps[0].headers.X-Token",
            "'{{token}}' is not extracted by any step before 'one'" },
        { Flow + "\n        extract: { token: $.a }\n      - name: two\n        url: https://api.example.com/b\n" +
            "        operation: search\n        extract: { token: $.b }", "monitors[0].steps[1].extract.token",
            "variable 'token' is already extracted by step 'one'" },
        { Flow + "\n        extract: { token: data.token }", "monitors[0].steps[0].extract.token",
            "'data.token' is not a valid JSON path" },
        { Flow + "\n        extract: { token: { cookie: a } }", "monitors[0].steps[0].extract.token.cookie",
            "unknown key 'cookie'" },
        { Flow + "\n        extract: { token: { json: $.a, header: X-A } }", "monitors[0].steps[0].extract.token",
            "exactly one of json or header" },
        { "monitors: []", "monitors", "the config defines no monitors" },
        { "", "monitors", "the config defines no monitors" },
        { "defaults: { interval: 30s }", "monitors", "the config defines no monitors" },
        { "monitors: api", "monitors", "expected a list, found the value 'api'" },
        { "monitors:\n  - api", "monitors[0]", "expected a map of keys and values, found the value 'api'" },
        { "- a\n- b", "(config)", "expected a map of keys and values, found a list" },
        { Api.Replace("https://api.example.com/health", "${MISSING_URL}"), "monitors[0].url",
            "environment variable MISSING_URL is not set" },
        { Api.Replace("https://api.example.com/health", "${API_URL"), "monitors[0].url", "'${' is not closed" },
        { "monitors:\n  - name: [api\n", "(yaml)", "the file is not valid YAML" },
        { Api + "\n    url: https://b.example.com", "(yaml)", "'url' appears twice in the same map; keep one" },
        { Api + "\n---\n" + Api, "(yaml)", "the file holds more than one YAML document" },
        { Api + "\n    interval: 1300h", "monitors[0].interval", "'1300h' is too long; this duration may be at most" },
        { "defaults: { timeout: 100000000h }\n" + Api, "defaults.timeout", "is too long" },
        { Flow.Replace("kind: flow", "kind: flow\n    budget: 2h"), "monitors[0].budget", "may be at most 60 min" },
        { Api.Replace("name: api", "name: '..'"), "monitors[0].name", "start with a letter or digit" },
        { Api + "\n    headers: { X-Note: \"a\\r\\nX-Injected: 1\" }", "monitors[0].headers.X-Note",
            "a header value cannot contain a line break" },
        { Api + "\n    headers: { Content-Length: '5' }", "monitors[0].headers.Content-Length",
            "'Content-Length' is set by Uplink from the request itself" },
        { Api.Replace("https://", "http://") + "\n    expiry: { warning: 30d }", "monitors[0].expiry",
            "'expiry' judges TLS certificates, but every request of this monitor is plain http" },
        { "monitors: " + new string('[', 100_000) + new string(']', 100_000), "(yaml)",
            "brackets nest deeper than 200 levels" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Parse_BadConfig_ReportsPathAndMessage(string yaml, string path, string message)
    {
        var result = ConfigTestEnvironment.Parse(yaml);

        Assert.Null(result.Config);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsAllOfThemInFileOrderWithPositions()
    {
        var result = ConfigTestEnvironment.Parse("""
            defaults:
              intervall: 30s
            operations:
              search: { warning: 400ms }
            monitors:
              - name: app-launch
                kind: flow
                steps:
                  - name: log-in
                    url: ${API_URL}/login
                    operation: auth-refresh
                    extract:
                      token: $.sessionToken
                  - name: profile
                    url: ${API_URL}/users/me
                    operation: data-fetch
                    headers:
                      X-Session-Token: "{{tokn}}"
              - name: app-launch
                url: relative/path
                operation: serch
                interval: 30 sec
                expect:
                  json:
                    $.token: { exists: true, contains: a }
            """);

        Assert.Null(result.Config);
        Assert.Equal(
            [
                "defaults.intervall",
                "operations.search.warning",
                "monitors[0].steps[1].headers.X-Session-Token",
                "monitors[1].name",
                "monitors[1].url",
                "monitors[1].operation",
                "monitors[1].interval",
                "monitors[1].expect.json.$.token",
            ],
            result.Errors.Select(e => e.Path));
        var typo = result.Errors[0];
        Assert.Equal((2, 3), (typo.Line, typo.Column));
        Assert.Equal("unknown key 'intervall'; did you mean 'interval'?", typo.Message);
        var url = result.Errors[4];
        Assert.Equal((20, 10), (url.Line, url.Column));
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndColumn()
    {
        var result = ConfigTestEnvironment.Parse("monitors:\n  - name: api\n   url: [oops\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ConfigLoader.SyntaxPath, error.Path);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ErrorWithPosition_ShowsPathLineColumnAndMessage()
    {
        var result = ConfigTestEnvironment.Parse(Api + "\n    interval: soon");

        Assert.Equal(
            "monitors[0].interval (line 5, column 15): 'soon' is not a duration; "
                + "write a number and ms, s, m or h, e.g. 30s",
            Assert.Single(result.Errors).ToString());
    }
}
