using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Candor.Server.Tls;

/// <summary>Loads the certificate HTTPS presents: PEM (key in its own file or the same one), PFX, or the cached self-signed one.</summary>
public static class ServerCertificate
{
    /// <returns>Null when the options ask for no TLS.</returns>
    public static X509Certificate2? Load(SiteServerOptions options, TimeProvider? clock = null)
    {
        if (options.SelfSigned) return SelfSignedCertificate.LoadOrCreate(Path.Combine(options.DataFolder!, "tls"), clock ?? TimeProvider.System);
        if (options.TlsCertificate is not { } certPath) return null;
        X509Certificate2 certificate;
        try
        {
            if (options.TlsKey is { } keyPath) certificate = FromPem(certPath, keyPath);
            else if (IsPem(certPath)) certificate = File.ReadAllText(certPath).Contains("PRIVATE KEY", StringComparison.Ordinal) ? FromPem(certPath, null) : X509Certificate2.CreateFromPem(File.ReadAllText(certPath));
            else certificate = X509CertificateLoader.LoadPkcs12FromFile(certPath, options.TlsPassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ServerConfigException("tls_cert", $"cannot load '{certPath}'{(options.TlsKey is null ? "" : $" with key '{options.TlsKey}'")}: {e.Message}");
        }
        if (!certificate.HasPrivateKey) throw new ServerConfigException("tls_key", $"'{certPath}' has no private key; give it with --tls-key FILE");
        return certificate;
    }

    private static X509Certificate2 FromPem(string certPath, string? keyPath)
    {
        var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        // Windows' TLS stack cannot use an ephemeral key; a PKCS#12 round trip persists it. Linux and macOS need no such detour.
        return OperatingSystem.IsWindows() ? X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null) : pem;
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[64];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
