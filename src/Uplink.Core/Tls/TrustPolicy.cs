using System.Security.Cryptography.X509Certificates;

namespace Uplink.Tls;

/// <summary>Chain policies for a monitor that trusts its own CA bundle instead of the system's roots.</summary>
internal static class TrustPolicy
{
    public static X509ChainPolicy CustomRoots(X509Certificate2Collection roots)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }
}
