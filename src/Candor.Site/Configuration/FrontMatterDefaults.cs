using System.Text.RegularExpressions;
using Candor.Site.Ruby;

namespace Candor.Site.Configuration;

/// <summary>
/// Jekyll's <c>defaults:</c> — values applied by path and type scope. Narrower scopes win: a longer
/// path beats a shorter one, and a scope naming a type beats one that does not.
/// </summary>
public sealed class FrontMatterDefaults
{
    private readonly List<(string Path, Regex? Glob, string? Type, Dictionary<string, object?> Values)> _sets = [];

    public FrontMatterDefaults(SiteConfig config)
    {
        if (config.Values.GetValueOrDefault("defaults") is not List<object?> list) return;
        foreach (var item in list)
        {
            if (item is not Dictionary<string, object?> set || set.GetValueOrDefault("values") is not Dictionary<string, object?> values) continue;
            var scope = set.GetValueOrDefault("scope") as Dictionary<string, object?>;
            var path = RubyText.ToS(scope?.GetValueOrDefault("path")).Trim('/');
            var type = scope?.GetValueOrDefault("type") is { } t ? RubyText.ToS(t) : null;
            Regex? glob = path.Contains('*')
                ? new Regex("^" + Regex.Escape(path).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$")
                : null;
            _sets.Add((path, glob, type, values));
        }
    }

    /// <summary>The defaults for a document at <paramref name="relativePath"/> of <paramref name="type"/> (pages, posts, drafts, or a collection label).</summary>
    public Dictionary<string, object?> For(string relativePath, string type)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var matching = _sets
            .Where(s => (s.Type is null || s.Type == type) && PathApplies(s, relativePath))
            .Select((s, index) => (s, index))
            .OrderBy(x => x.s.Path.Length).ThenBy(x => x.s.Type is null ? 0 : 1).ThenBy(x => x.index);
        foreach (var (set, _) in matching) DeepMerge(result, set.Values);
        return result;
    }

    private static bool PathApplies((string Path, Regex? Glob, string? Type, Dictionary<string, object?> Values) set, string relativePath)
    {
        if (set.Path.Length == 0) return true;
        if (set.Glob is { } glob)
        {
            // A glob scope matches the file itself or any folder above it.
            for (var p = relativePath; p.Length > 0; p = p.Contains('/') ? p[..p.LastIndexOf('/')] : "")
                if (glob.IsMatch(p)) return true;
            return false;
        }
        return relativePath == set.Path || relativePath.StartsWith(set.Path + "/", StringComparison.Ordinal);
    }

    /// <summary>Jekyll's <c>Utils.deep_merge_hashes!</c>: nested hashes merge, anything else is replaced.</summary>
    public static void DeepMerge(Dictionary<string, object?> target, Dictionary<string, object?> source)
    {
        foreach (var (key, value) in source)
        {
            if (value is Dictionary<string, object?> inner && target.GetValueOrDefault(key) is Dictionary<string, object?> existing)
            {
                var copy = new Dictionary<string, object?>(existing, StringComparer.Ordinal);
                DeepMerge(copy, inner);
                target[key] = copy;
            }
            else
            {
                target[key] = value is Dictionary<string, object?> d ? new Dictionary<string, object?>(d, StringComparer.Ordinal) : value;
            }
        }
    }
}
