using System.Reflection;
using System.Security.Cryptography;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The dashboard's stylesheet and script, embedded in the assembly and served from the site's own origin under
/// fingerprinted names (<c>/_candor/dashboard.1a2b3c4d.css</c>), so the CSP's <c>'self'</c> allows them, no inline
/// script or style is needed, and browsers may cache them forever.
/// </summary>
public sealed class DashboardAssets
{
    public const string Folder = "/_candor/";

    public DashboardAssets()
    {
        Stylesheet = Read("dashboard.css");
        Script = Read("dashboard.js");
        StylesheetPath = Folder + "dashboard." + Fingerprint(Stylesheet) + ".css";
        ScriptPath = Folder + "dashboard." + Fingerprint(Script) + ".js";
    }

    public byte[] Stylesheet { get; }
    public byte[] Script { get; }
    public string StylesheetPath { get; }
    public string ScriptPath { get; }

    private static string Fingerprint(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content))[..10];

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Candor.Analytics.Dashboard." + name)
            ?? throw new InvalidOperationException($"The dashboard's {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
