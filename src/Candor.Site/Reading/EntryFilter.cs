using System.Text.RegularExpressions;
using Candor.Site.Configuration;

namespace Candor.Site.Reading;

/// <summary>
/// Jekyll's rules for which source entries take part in a build: names starting with <c>. _ # ~</c>
/// and backups (<c>~</c>) are left out unless listed in <c>include</c>; <c>exclude</c> patterns are
/// fnmatch globs or path prefixes relative to the source.
/// </summary>
public sealed class EntryFilter
{
    private readonly Regex[] _include;
    private readonly Regex[] _exclude;
    private readonly Regex[] _includeNames;

    public EntryFilter(SiteConfig config)
    {
        var include = config.Include.ToArray();
        var exclude = config.Exclude.Except(include).ToArray();
        _includeNames = include.Select(Glob).ToArray();
        _include = include.Except(config.Exclude).Select(Glob).ToArray();
        _exclude = exclude.Select(Glob).ToArray();
    }

    /// <summary>Whether the entry at <paramref name="relativePath"/> (forward slashes) is read.</summary>
    public bool Accepts(string relativePath, bool isDirectory)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        // Jekyll tests `include` against the path and against the bare name (so ".htaccess" works anywhere).
        if (Matches(_include, relativePath, isDirectory) || _includeNames.Any(p => p.IsMatch(name))) return true;
        if (name.Length > 0 && name[0] is '.' or '_' or '#' or '~') return false;
        if (name.EndsWith('~')) return false;
        return !Matches(_exclude, relativePath, isDirectory);
    }

    /// <summary>Only the exclude list, for entries that are special by nature (inside collections).</summary>
    public bool IsExcluded(string relativePath, bool isDirectory) => Matches(_exclude, relativePath, isDirectory);

    private static bool Matches(Regex[] patterns, string relativePath, bool isDirectory)
    {
        foreach (var p in patterns)
        {
            if (p.IsMatch(relativePath)) return true;
            if (isDirectory && p.IsMatch(relativePath + "/")) return true;
        }
        return false;
    }

    /// <summary>
    /// File.fnmatch without FNM_PATHNAME (so <c>*</c> crosses <c>/</c>), or'd with Jekyll's prefix test
    /// (<c>entry.start_with?(pattern)</c>), which is why "doc" also excludes "docs.md".
    /// </summary>
    private static Regex Glob(string pattern)
    {
        var p = pattern.TrimStart('/');
        var sb = new System.Text.StringBuilder("^(?:");
        foreach (var c in p)
        {
            sb.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        sb.Append(")$|^").Append(Regex.Escape(p));
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }
}
