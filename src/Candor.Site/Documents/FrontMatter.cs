using System.Text.RegularExpressions;
using Candor.Site.Yaml;

namespace Candor.Site.Documents;

/// <summary>A file split into its YAML front matter and the content after it (Jekyll's YAML header rule).</summary>
public sealed partial record FrontMatter(Dictionary<string, object?> Data, string Content, int ContentLine)
{
    /// <summary>
    /// The whole text of a file that starts with a <c>---</c> line — Jekyll renders those and copies the
    /// rest — or null for any other file (left unread
    /// beyond its first bytes, since it may be a large image). One open per file: on a slow disk the
    /// open is what costs.
    /// </summary>
    public static string? ReadIfPresent(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        Span<byte> head = stackalloc byte[5];
        var read = stream.ReadAtLeast(head, 5, throwOnEndOfStream: false);
        var start = head[..read];
        // A BOM makes Ruby's header regex miss too, so such a file is copied as it is, as in Jekyll.
        if (!(start.StartsWith("---\n"u8) || start.StartsWith("---\r\n"u8) || start.StartsWith("--- "u8))) return null;
        var bytes = new byte[stream.Length];
        start.CopyTo(bytes);
        stream.ReadExactly(bytes.AsSpan(read));
        return System.Text.Encoding.UTF8.GetString(bytes);
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
