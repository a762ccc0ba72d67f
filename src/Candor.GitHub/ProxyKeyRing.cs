using Microsoft.AspNetCore.DataProtection;

namespace Candor.GitHub;

/// <summary>
/// The proxy's own Data Protection key ring, kept apart from anything else the host protects: a folder of
/// XML key files (authenticated encryption, AES-256-CBC + HMACSHA256 by default) with automatic rotation.
/// A new key is created before the current one expires; old keys stay so that cookies issued under them
/// can still be read until they expire themselves. Deleting the folder logs everybody out.
/// </summary>
public sealed class ProxyKeyRing
{
    /// <summary>Payloads protected by another application name cannot be read here, even with the same keys.</summary>
    public const string ApplicationName = "Candor.GitHub.StarProxy";

    public ProxyKeyRing(string folder, TimeSpan keyLifetime)
    {
        // The keys decrypt every visitor's token, so only the server's own user may read them. On Windows the
        // folder inherits ACLs instead; Unix file modes do not apply there.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Provider = DataProtectionProvider.Create(new DirectoryInfo(folder), builder => builder
            .SetApplicationName(ApplicationName)
            .SetDefaultKeyLifetime(keyLifetime));
    }

    public IDataProtectionProvider Provider { get; }
}
