using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Uplink.TestSupport;

namespace Uplink.Tls;

/// <summary>Uplink's pins equal what openssl computes for the same certificates.</summary>
public sealed class SpkiPinTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create();
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Of_EcdsaLeaf_EqualsOpenssl()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key);

        Assert.Equal(await OpensslPinAsync(leaf), SpkiPin.Of(leaf));
    }

    [Fact]
    public async Task Of_RsaIntermediate_EqualsOpenssl() =>
        Assert.Equal(await OpensslPinAsync(_pki.Intermediate), SpkiPin.Of(_pki.Intermediate));

    [Fact]
    public async Task Of_EcdsaP384Root_EqualsOpenssl() =>
        Assert.Equal(await OpensslPinAsync(_pki.Root), SpkiPin.Of(_pki.Root));

    [Theory]
    [InlineData("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", true)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", true)]
    [InlineData("sha256/AAAA", false)]
    [InlineData("sha256/not base64!", false)]
    public void TryParse_Digests_AcceptsOnly32Bytes(string text, bool valid) =>
        Assert.Equal(valid, SpkiPin.TryParse(text, out _, out _));

    public void Dispose()
    {
        _pki.Dispose();
        _folder.Dispose();
    }

    private async Task<string> OpensslPinAsync(X509Certificate2 certificate)
    {
        var pem = Path.Combine(_folder.Path, RandomNumberGenerator.GetHexString(8) + ".pem");
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());
        var start = new ProcessStartInfo("sh")
        {
            ArgumentList =
            {
                "-c",
                $"openssl x509 -in '{pem}' -pubkey -noout | openssl pkey -pubin -outform der "
                    + "| openssl dgst -sha256 -binary | base64",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output.Trim();
    }
}
