using System.Net;
using System.Text.RegularExpressions;

namespace Uplink.Web;

/// <summary>The dashboard's files are served by a server running from the build output.</summary>
public sealed partial class StaticAssetsTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    [Theory]
    [InlineData("_framework/blazor.web.js", "javascript")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.js", "javascript")]
    [InlineData("app.css", "text/css")]
    public async Task Get_DashboardFile_IsServed(string path, string contentType)
    {
        using var response = await fixture.Server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(contentType, response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Dashboard_EveryLinkedScriptAndStylesheetIsServed()
    {
        var html = await fixture.Server.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        var links = Linked().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Equal(4, links.Count);
        foreach (var link in links)
        {
            using var response = await fixture.Server.Client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{link}: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+\.(?:js|css))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Linked();
}
