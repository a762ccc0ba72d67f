using System.Reflection;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// Country names for the Locations panel and filter chips, from the embedded <c>countries.txt</c> (ISO 3166-1
/// alpha-2 codes, as the store keeps them).
/// </summary>
public static class CountryNames
{
    private static readonly Dictionary<string, string> Names = Load();

    /// <summary>The English name of an ISO 3166-1 alpha-2 code; the code itself when unknown.</summary>
    public static string Name(string code) => Names.GetValueOrDefault(code.ToUpperInvariant(), code);

    private static Dictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Candor.Analytics.countries.txt")
            ?? throw new InvalidOperationException("The embedded country list is missing from the build.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 4 || line[0] == '#') continue;
            names[line[..2]] = line[3..];
        }
        return names;
    }
}
