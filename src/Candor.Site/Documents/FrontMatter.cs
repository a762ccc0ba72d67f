using System.Text.RegularExpressions;
using Candor.Site.Yaml;

namespace Candor.Site.Documents;

/// <summary>A file split into its YAML front matter and the content after it (Jekyll's YAML header rule).</summary>
public sealed partial record FrontMatter(Dictionary<string, object?> Data, string Content, int ContentLine)
{
    /// <summary>True when the file starts with a <c>---</c> line: Jekyll renders it, otherwise copies it.</summary>
    public static bool Has(string path)
    {
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, 5, throwOnEndOfStream: false);
        var start = head[..read];
        if (start.StartsWith("\xEF\xBB\xBF"u8)) return false; // a BOM makes Ruby's regex miss, as in Jekyll
        return start.StartsWith("---\n"u8) || start.StartsWith("---\r\n"u8) || start.StartsWith("--- "u8);
    }

    /// <summary>Splits <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static FrontMatter Parse(string text, string file, TimeZoneInfo zone)
    {
        var m = Header().Match(text);
        if (!m.Success) return new FrontMatter([], text, 1);
        var yaml = m.Groups[1].Value;
        var data = YamlData.ParseMapping(yaml, file, zone, lineOffset: 1);
        var content = text[(m.Index + m.Length)..];
        var contentLine = 1 + m.Value.Count(c => c == '\n');
        return new FrontMatter(data, content, contentLine);
    }

    /// <summary>The 1-based line of a top-level <paramref name="key"/> in a file's front matter, for error messages.</summary>
    public static int? LineOf(string path, string key)
    {
        if (!File.Exists(path)) return null;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1) continue;
            if (line.TrimEnd() is "---" or "...") return null;
            if (line.StartsWith(key, StringComparison.Ordinal) && line.AsSpan(key.Length).TrimStart().StartsWith(":")) return number;
        }
        return null;
    }

    // Jekyll: /\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)/m
    [GeneratedRegex(@"\A---[ \t]*\r?\n(.*?\n?)^(?:---|\.\.\.)[ \t]*\r?$\n?", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Header();
}
