using Uplink.Judging;
using Uplink.Judging.Conditions;

namespace Uplink.Configuration;

public class ConfigLoaderTests
{
    private const string FullConfig = """
        defaults:
          interval: 30s
          timeout: 10s

        operations:
          search:
            warning: 1200ms
          checkout:
            target: 400ms
            warning: 1s
            critical: 4s

        monitors:
          - name: app-launch
            kind: flow
            group: launch
            interval: 1m
            timeout: 5s
            budget: 3s
            steps:
              - name: log-in
                method: POST
                url: ${API_URL}/login
                operation: auth-refresh
                headers:
                  Content-Type: application/json
                body: '{"username": "demo", "password": "${DEMO_PASSWORD}"}'
                expect:
                  status: 200
                  json:
                    $.sessionToken: { exists: true }
                extract:
                  token: $.sessionToken
                  request-id: { header: X-Request-Id }
              - name: profile
                url: ${API_URL}/users/me
                operation: data-fetch
                headers:
                  X-Session-Token: "{{token}}"
                expect:
                  status: 200

          - name: search
            url: https://api.example.com/v1/search?q=shoes
            method: GET
            operation: search
            expect:
              status: [200, 204]
              headers:
                Content-Type: { contains: json }
              body: { contains: results }
              size: { max: 100KB }
        """;

    private const string OneMonitor = """
        monitors:
          - name: api
            url: https://api.example.com/health
            operation: data-fetch
        """;

    [Fact]
    public void Parse_FullConfig_BindsDefaultsAndOperations()
    {
        var config = ConfigTestEnvironment.ParseValid(FullConfig);

        Assert.Equal(TimeSpan.FromSeconds(30), config.DefaultInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), config.DefaultTimeout);
        Assert.Equal(new Thresholds(Ms(500), Ms(1200), Ms(3000)), config.Operations[Operations.Search]);
        Assert.Equal(new Thresholds(Ms(400), Ms(1000), Ms(4000)), config.Operations["checkout"]);
        Assert.Equal(Operations.BuiltIn[Operations.DataFetch], config.Operations[Operations.DataFetch]);
        Assert.Equal(5, config.Operations.Count);
    }

    [Fact]
    public void Parse_FullConfig_BindsFlowMonitor()
    {
        var flow = ConfigTestEnvironment.ParseValid(FullConfig).Monitors[0];

        Assert.Equal("app-launch", flow.Name);
        Assert.Equal(MonitorKind.Flow, flow.Kind);
        Assert.Equal("launch", flow.Group);
        Assert.Equal(TimeSpan.FromMinutes(1), flow.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), flow.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), flow.Budget);
        Assert.Equal(["log-in", "profile"], flow.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Parse_FullConfig_BindsFirstStepRequestConditionsAndExtractions()
    {
        var login = ConfigTestEnvironment.ParseValid(FullConfig).Monitors[0].Steps[0];

        Assert.Equal("POST", login.Method);
        Assert.Equal("https://api.example.com/login", login.Url.ToString());
        Assert.Equal("""{"username": "demo", "password": "s3cret"}""", login.Body?.ToString());
        var header = Assert.Single(login.Headers);
        Assert.Equal("Content-Type", header.Key);
        Assert.Equal("application/json", header.Value.ToString());
        Assert.Equal(Operations.AuthRefresh, login.Operation);
        Assert.Equal(Operations.BuiltIn[Operations.AuthRefresh], login.Thresholds);

        Assert.Equal(2, login.Conditions.Count);
        Assert.Equal([new StatusRange(200, 200)], Assert.IsType<StatusCondition>(login.Conditions[0]).Accepted);
        var json = Assert.IsType<JsonCondition>(login.Conditions[1]);
        Assert.Equal("$.sessionToken", json.Path);
        Assert.Equal(new ExistsTest(true), json.Test);

        Assert.Equal(
            [
                new Extraction("token", ExtractionSource.Json, "$.sessionToken"),
                new Extraction("request-id", ExtractionSource.Header, "X-Request-Id"),
            ],
            login.Extractions);
    }

    [Fact]
    public void Parse_FullConfig_BindsSecondStepWithVariable()
    {
        var profile = ConfigTestEnvironment.ParseValid(FullConfig).Monitors[0].Steps[1];

        Assert.Equal("GET", profile.Method);
        Assert.Equal("https://api.example.com/users/me", profile.Url.ToString());
        var header = Assert.Single(profile.Headers);
        Assert.Equal(["token"], header.Value.Variables);
        Assert.Equal("abc", header.Value.Render(new Dictionary<string, string> { ["token"] = "abc" }));
        Assert.Null(profile.Body);
        Assert.Empty(profile.Extractions);
    }

    [Fact]
    public void Parse_FullConfig_BindsHttpMonitorAsOneStepNamedAfterIt()
    {
        var search = ConfigTestEnvironment.ParseValid(FullConfig).Monitors[1];

        Assert.Equal(MonitorKind.Http, search.Kind);
        Assert.Equal("default", search.Group);
        Assert.Equal(TimeSpan.FromSeconds(30), search.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), search.Timeout);
        Assert.Null(search.Budget);
        var step = Assert.Single(search.Steps);
        Assert.Equal("search", step.Name);
        Assert.Equal(new Thresholds(Ms(500), Ms(1200), Ms(3000)), step.Thresholds);
    }

    [Fact]
    public void Parse_FullConfig_BindsEveryKindOfCondition()
    {
        var conditions = ConfigTestEnvironment.ParseValid(FullConfig).Monitors[1].Steps[0].Conditions;

        Assert.Equal(4, conditions.Count);
        Assert.Equal(
            [new StatusRange(200, 200), new StatusRange(204, 204)],
            Assert.IsType<StatusCondition>(conditions[0]).Accepted);
        var header = Assert.IsType<HeaderCondition>(conditions[1]);
        Assert.Equal("Content-Type", header.Name);
        Assert.Equal(new ContainsTest("json"), header.Test);
        Assert.Equal(new ContainsTest("results"), Assert.IsType<BodyCondition>(conditions[2]).Test);
        var size = Assert.IsType<SizeCondition>(conditions[3]);
        Assert.Null(size.Min);
        Assert.Equal(100 * 1024, size.Max);
    }

    [Fact]
    public void Parse_NoExpect_AcceptsStatus200To399()
    {
        var step = ConfigTestEnvironment.ParseValid(OneMonitor).Monitors[0].Steps[0];

        var status = Assert.IsType<StatusCondition>(Assert.Single(step.Conditions));
        Assert.Equal([new StatusRange(200, 399)], status.Accepted);
    }

    [Fact]
    public void Parse_ExpectWithoutStatus_AddsDefaultStatusFirst()
    {
        var config = ConfigTestEnvironment.ParseValid(OneMonitor + """

                expect:
                  body: ok
            """);

        var conditions = config.Monitors[0].Steps[0].Conditions;
        Assert.Equal([new StatusRange(200, 399)], Assert.IsType<StatusCondition>(conditions[0]).Accepted);
        Assert.Equal(new EqualsTest("ok"), Assert.IsType<BodyCondition>(conditions[1]).Test);
    }

    [Fact]
    public void Parse_StatusListMixingCodesAndRanges_BindsEachRange()
    {
        var config = ConfigTestEnvironment.ParseValid(OneMonitor + """

                expect:
                  status: [200-299, 304]
            """);

        var status = Assert.IsType<StatusCondition>(config.Monitors[0].Steps[0].Conditions[0]);
        Assert.Equal([new StatusRange(200, 299), new StatusRange(304, 304)], status.Accepted);
    }

    [Fact]
    public void Parse_ValueTestOperators_BindToTheirTests()
    {
        var config = ConfigTestEnvironment.ParseValid(OneMonitor + """

                expect:
                  json:
                    $.a: 1
                    $.b: { equals: x }
                    $.c: { exists: false }
                    $.d: { matches: '^ok$' }
                    $.e: { min: 2.5 }
                    $.f: { max: 10 }
            """);

        var tests = config.Monitors[0].Steps[0].Conditions.OfType<JsonCondition>().Select(c => c.Test).ToList();
        Assert.Equal<ValueTest>(
            [
                new EqualsTest("1"), new EqualsTest("x"), new ExistsTest(false),
                new BoundTest(2.5, IsMinimum: true), new BoundTest(10, IsMinimum: false),
            ],
            tests.Where(t => t is not MatchesTest));
        Assert.Equal("^ok$", Assert.IsType<MatchesTest>(tests[3]).Pattern);
    }

    [Fact]
    public void Parse_MonitorWithoutIntervalOrTimeout_TakesDefaults()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            defaults:
              interval: 2m
              timeout: 1500ms
            """ + "\n" + OneMonitor);

        Assert.Equal(TimeSpan.FromMinutes(2), config.Monitors[0].Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), config.Monitors[0].Timeout);
        Assert.Equal(TimeSpan.FromMinutes(2), config.DefaultInterval);
    }

    [Fact]
    public void Parse_NoDefaultsSection_Uses30sAnd10s()
    {
        var monitor = ConfigTestEnvironment.ParseValid(OneMonitor).Monitors[0];

        Assert.Equal(TimeSpan.FromSeconds(30), monitor.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), monitor.Timeout);
    }

    [Fact]
    public void Parse_MethodInLowerCase_IsUpperCased()
    {
        var config = ConfigTestEnvironment.ParseValid(OneMonitor + "\n    method: delete");

        Assert.Equal("DELETE", config.Monitors[0].Steps[0].Method);
    }

    [Fact]
    public void Parse_OverrideOfOneValue_KeepsTheOtherBuiltInValues()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            operations:
              data-fetch:
                target: 100ms
              file-upload:
                critical: 1m
            """ + "\n" + OneMonitor);

        Assert.Equal(new Thresholds(Ms(100), Ms(800), Ms(3000)), config.Operations[Operations.DataFetch]);
        Assert.Equal(new Thresholds(Ms(2000), Ms(5000), Ms(60_000)), config.Operations[Operations.FileUpload]);
        Assert.Equal(Operations.BuiltIn[Operations.Search], config.Operations[Operations.Search]);
        Assert.Equal(new Thresholds(Ms(100), Ms(800), Ms(3000)), config.Monitors[0].Steps[0].Thresholds);
    }

    [Fact]
    public void Parse_NewOperation_IsUsableByAStep()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            operations:
              checkout: { target: 400ms, warning: 1s, critical: 4s }
            monitors:
              - name: pay
                url: https://api.example.com/pay
                operation: checkout
            """);

        Assert.Equal("checkout", config.Monitors[0].Steps[0].Operation);
        Assert.Equal(new Thresholds(Ms(400), Ms(1000), Ms(4000)), config.Monitors[0].Steps[0].Thresholds);
    }

    [Fact]
    public void Parse_EnvironmentVariables_AreSubstitutedAndDoubleDollarIsLiteral()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            monitors:
              - name: api
                url: ${API_URL}/health
                operation: data-fetch
                headers:
                  X-Template: "$${NOT_A_VARIABLE} and ${DEMO_PASSWORD}"
            """);

        var step = config.Monitors[0].Steps[0];
        Assert.Equal("https://api.example.com/health", step.Url.ToString());
        Assert.Equal("${NOT_A_VARIABLE} and s3cret", step.Headers[0].Value.ToString());
    }

    [Fact]
    public void Parse_UnsetEnvironmentVariable_ReportsItsNameAndPath()
    {
        var result = ConfigTestEnvironment.Parse("""
            monitors:
              - name: api
                url: https://api.example.com/login
                operation: auth-refresh
                body: '{"password": "${PARSE_PASSWORD}"}'
            """);

        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal("monitors[0].body", error.Path);
        Assert.Equal("environment variable PARSE_PASSWORD is not set", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Parse_VariableExtractedByEarlierStep_IsDefinedInLaterSteps()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            monitors:
              - name: chain
                kind: flow
                steps:
                  - name: one
                    url: https://api.example.com/a
                    operation: data-fetch
                    extract: { id: $.id }
                  - name: two
                    url: https://api.example.com/b
                    operation: data-fetch
                    extract: { other: { json: $.other } }
                  - name: three
                    url: "https://api.example.com/items/{{id}}?o={{ other }}"
                    operation: data-fetch
                    body: "{{id}}"
            """);

        var three = config.Monitors[0].Steps[2];
        Assert.Equal(["id", "other"], three.Url.Variables);
        Assert.Equal(["id"], three.Body!.Variables);
    }

    [Fact]
    public void Parse_VariableExtractedOnlyByTheSameStep_IsUndefined()
    {
        var result = ConfigTestEnvironment.Parse("""
            monitors:
              - name: chain
                kind: flow
                steps:
                  - name: one
                    url: https://api.example.com/a
                    operation: data-fetch
                    body: "{{id}}"
                    extract: { id: $.id }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("monitors[0].steps[0].body", error.Path);
        Assert.Contains("'{{id}}' is not extracted by any step before 'one'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VariableExtractedByALaterStep_IsUndefined()
    {
        var result = ConfigTestEnvironment.Parse("""
            monitors:
              - name: chain
                kind: flow
                steps:
                  - name: one
                    url: "https://api.example.com/{{later}}"
                    operation: data-fetch
                  - name: two
                    url: https://api.example.com/b
                    operation: data-fetch
                    extract: { later: $.x }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("monitors[0].steps[0].url", error.Path);
        Assert.Contains("'{{later}}' is not extracted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExistingFile_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uplink-config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, OneMonitor);
        try
        {
            var result = ConfigLoader.Load(path, ConfigTestEnvironment.Lookup);

            Assert.True(result.IsValid);
            Assert.Equal(path, result.Source);
            Assert.Equal("api", Assert.Single(result.Config!.Monitors).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ReportsFileError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uplink-missing-{Guid.NewGuid():N}.yaml");

        var result = ConfigLoader.Load(path, ConfigTestEnvironment.Lookup);

        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ConfigLoader.FilePath, error.Path);
        Assert.Contains("cannot read the config file", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Folder_SaysItIsAFolder()
    {
        var result = ConfigLoader.Load(Path.GetTempPath(), ConfigTestEnvironment.Lookup);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ConfigLoader.FilePath, error.Path);
        Assert.Contains("is a folder; give the path of a YAML file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeFile_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uplink-huge-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, OneMonitor + "\n#" + new string('x', (int)ConfigLoader.MaxFileBytes));
        try
        {
            var result = ConfigLoader.Load(path, ConfigTestEnvironment.Lookup);

            var error = Assert.Single(result.Errors);
            Assert.Contains("is larger than 4 MB", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadOrThrow_InvalidFile_ThrowsWithEveryError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uplink-config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            defaults: { interval: soon }
            monitors:
              - name: api
                url: /health
                operation: data-fetch
            """);
        try
        {
            var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadOrThrow(path, ConfigTestEnvironment.Lookup));

            Assert.Equal(["defaults.interval", "monitors[0].url"], ex.Errors.Select(e => e.Path));
            Assert.Contains("2 error(s)", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
