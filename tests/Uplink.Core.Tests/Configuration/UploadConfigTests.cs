using Uplink.Judging.Conditions;
using Uplink.TestSupport;

namespace Uplink.Configuration;

public sealed class UploadConfigTests
{
    private const string Upload = """
        monitors:
          - name: upload
            method: POST
            url: https://api.example.com/photos
            operation: file-upload
        """;

    [Fact]
    public void Parse_BodyBytes_GeneratesThatManyBytesAsOctetStream()
    {
        var step = ConfigTestEnvironment.ParseValid(Upload + "\n    body-bytes: 64KB").Monitors[0].Steps[0];

        Assert.NotNull(step.Content);
        Assert.Equal(64 * 1024, step.Content.Bytes.Length);
        Assert.Equal("application/octet-stream", step.Content.ContentType);
        Assert.Null(step.Content.FormField);
    }

    [Fact]
    public void Parse_BodyFileInAForm_ReadsItAndGuessesItsType()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "cat.png");
        File.WriteAllBytes(path, [1, 2, 3]);

        var step = ConfigTestEnvironment.ParseValid(Upload + $"\n    body-file: {path}\n    form-field: image")
            .Monitors[0].Steps[0];

        Assert.Equal(new byte[] { 1, 2, 3 }, step.Content!.Bytes.ToArray());
        Assert.Equal(("image/png", "image", "cat.png"), (step.Content.ContentType, step.Content.FormField,
            step.Content.FileName));
    }

    [Fact]
    public void Parse_MediaExpectations_BecomeConditions()
    {
        var digest = new string('a', 64);
        var step = ConfigTestEnvironment.ParseValid(Upload
            + $"\n    expect: {{ sha256: {digest}, length: 1MB, content-type: image/jpeg }}").Monitors[0].Steps[0];

        Assert.Equal(digest, Assert.Single(step.Conditions.OfType<Sha256Condition>()).Expected);
        Assert.Equal(1024 * 1024, Assert.Single(step.Conditions.OfType<LengthCondition>()).Expected);
        Assert.Equal("Content-Type", Assert.Single(step.Conditions.OfType<HeaderCondition>()).Name);
    }

    [Theory]
    [InlineData("body-file: missing.jpg", "monitors[0].body-file", "does not exist")]
    [InlineData("body-bytes: lots", "monitors[0].body-bytes", "'lots' is not an upload size")]
    [InlineData("body-bytes: 1KB\n    body: x", "monitors[0].body", "a request has one body")]
    [InlineData("form-field: photo", "monitors[0].form-field", "add body-file or body-bytes")]
    [InlineData("expect: { sha256: abc }", "monitors[0].expect.sha256", "'abc' is not a SHA-256 digest")]
    [InlineData("expect: { length: long }", "monitors[0].expect.length", "'long' is not a length")]
    public void Parse_BadUpload_NamesItsPath(string lines, string path, string message)
    {
        var result = ConfigTestEnvironment.Parse(Upload + "\n    " + lines);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
