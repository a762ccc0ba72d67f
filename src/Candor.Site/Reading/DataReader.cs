using System.Text.Json;
using System.Text.RegularExpressions;
using Candor.Site.Yaml;

namespace Candor.Site.Reading;

/// <summary>Reads <c>_data</c> (yml, yaml, json, csv, tsv; nested folders) into <c>site.data</c>.</summary>
public static partial class DataReader
{
    public static Dictionary<string, object?> Read(string folder, string source, EntryFilter filter, TimeZoneInfo zone, List<SiteError> errors)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return data;
        foreach (var entry in Entries(folder))
        {
            var name = Path.GetFileName(entry);
            var relative = Path.GetRelativePath(source, entry).Replace('\\', '/');
            var isDir = Directory.Exists(entry);
            if (name[0] is '.' or '_' or '#' or '~' || name.EndsWith('~') || filter.IsExcluded(relative, isDir)) continue;
            var key = KeyFor(isDir ? name : Path.GetFileNameWithoutExtension(name));
            if (isDir)
            {
                data[key] = Read(entry, source, filter, zone, errors);
                continue;
            }
            try
            {
                var value = Path.GetExtension(name).ToLowerInvariant() switch
                {
                    ".yml" or ".yaml" => YamlData.Parse(File.ReadAllText(entry), relative, zone),
                    ".json" => Json(File.ReadAllText(entry), relative),
                    ".csv" => CsvData.Read(File.ReadAllText(entry), ','),
                    ".tsv" => CsvData.Read(File.ReadAllText(entry), '\t'),
                    _ => Skip.Value,
                };
                if (!ReferenceEquals(value, Skip.Value)) data[key] = value;
            }
            catch (SiteException e)
            {
                errors.Add(e.ToError());
            }
        }
        return data;
    }

    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".csv", ".tsv"];

    /// <summary>Jekyll's order: <c>Dir["*.{yaml,yml,json,csv,tsv}"]</c> (grouped by extension, each sorted), then folders.</summary>
    private static IEnumerable<string> Entries(string folder)
    {
        var files = Directory.EnumerateFiles(folder).ToList();
        foreach (var ext in Extensions)
            foreach (var file in files.Where(f => Path.GetExtension(f).Equals(ext, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                yield return file;
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            yield return dir;
    }

    /// <summary>Jekyll's <c>sanitize_filename</c>: punctuation dropped, spaces become underscores.</summary>
    private static string KeyFor(string name) => Spaces().Replace(Punctuation().Replace(name, ""), "_");

    private static object? Json(string text, string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
            return FromJson(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new SiteException(file, (int?)e.LineNumber + 1, $"invalid JSON: {e.Message}");
        }
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal),
            (d, p) => { d[p.Name] = FromJson(p.Value); return d; }),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var n) ? (object)n : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private sealed class Skip { public static readonly Skip Value = new(); }

    [GeneratedRegex(@"[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)")]
    private static partial Regex Punctuation();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
