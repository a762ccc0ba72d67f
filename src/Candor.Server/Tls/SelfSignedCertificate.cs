using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Candor.Server.Tls;

/// <summary>
/// A certificate for <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>, for trying HTTPS locally
/// (browsers will warn: nobody vouches for it). Generated once (ECDSA P-256, one year) and cached as
/// PEM in the given folder, the key readable by its owner only; replaced when fewer than
/// <see cref="RenewBefore"/> remain, so restarts keep the certificate a browser was told to accept.
/// </summary>
public static class SelfSignedCertificate
{
    public const string CertificateFile = "localhost.pem";
    public const string KeyFile = "localhost.key.pem";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public static X509Certificate2 LoadOrCreate(string folder, TimeProvider clock)
    {
        var certPath = Path.Combine(folder, CertificateFile);
        var keyPath = Path.Combine(folder, KeyFile);
        var now = clock.GetUtcNow();
        if (File.Exists(certPath) && File.Exists(keyPath))
        {
            try
            {
                var cached = X509Certificate2.CreateFromPemFile(certPath, keyPath);
                if (cached.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore) return cached;
            }
            catch (CryptographicException)
            {
                // Damaged cache: make a new one below.
            }
        }
        return Create(folder, certPath, keyPath, now);
    }

    private static X509Certificate2 Create(string folder, string certPath, string keyPath, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        using var created = request.CreateSelfSigned(now.AddDays(-1), now + Lifetime);

        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write(keyPath, key.ExportPkcs8PrivateKeyPem());
        Write(certPath, created.ExportCertificatePem());
        return X509Certificate2.CreateFromPemFile(certPath, keyPath);
    }

    private static void Write(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }
}
