namespace Candor.Analytics.Classification;

/// <summary>
/// Where the classification data sets live: a folder laid out like <c>node_modules</c>, filled by
/// <c>npm ci</c> from the pinned <c>data/package-lock.json</c>. The data is maintained upstream and updated
/// by bumping a version there, so Candor ships no copy of it that could go stale unnoticed.
/// </summary>
public sealed class DataSets
{
    /// <summary>The package every data-sets folder must hold; used to recognise one when searching.</summary>
    private const string Marker = "uap-core/regexes.yaml";

    public string Folder { get; }

    public DataSets(string folder)
    {
        Folder = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(Folder, Marker)))
            throw new DataSetsMissingException(
                $"The analytics data sets are not in '{Folder}' (no {Marker}). Run `npm ci` in the data/ folder of Candor's " +
                "source, or point the data-sets setting at a node_modules folder that has them.");
    }

    public string UserAgentRegexes => Path.Combine(Folder, "uap-core", "regexes.yaml");
    public string CrawlerUserAgents => Path.Combine(Folder, "crawler-user-agents", "crawler-user-agents.json");
    public string CountryDatabase => Path.Combine(Folder, "@ip-location-db", "geo-whois-asn-country-mmdb", "geo-whois-asn-country.mmdb");
    public string PublicSuffixRules => Path.Combine(Folder, "psl", "data", "rules.js");

    /// <summary>
    /// The default folder: the first of <c>node_modules</c> or <c>data/node_modules</c> found beside the program
    /// or in a folder above it. That finds a copy shipped next to the binary as well as the repository's own
    /// <c>data/node_modules</c> when running from a build or test output folder.
    /// </summary>
    public static DataSets FindDefault(string? start = null)
    {
        var first = Path.GetFullPath(start ?? AppContext.BaseDirectory);
        for (var dir = new DirectoryInfo(first); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "node_modules"), Path.Combine(dir.FullName, "data", "node_modules") })
                if (File.Exists(Path.Combine(candidate, Marker))) return new DataSets(candidate);
        }
        throw new DataSetsMissingException(
            $"The analytics data sets were not found in node_modules or data/node_modules beside '{first}' or any folder above it. " +
            "Run `npm ci` in the data/ folder of Candor's source (it installs the pinned uap-core, crawler-user-agents, " +
            "@ip-location-db/geo-whois-asn-country-mmdb and psl), or set the data-sets folder explicitly.");
    }
}

/// <summary>The data sets are absent or incomplete: the message says which file and how to get it.</summary>
public sealed class DataSetsMissingException(string message) : Exception(message);
