using System.Text;

namespace Candor.Site.Reading;

/// <summary>
/// <c>_data/*.csv|tsv</c> as Ruby's <c>CSV.read(headers: true).map(&amp;:to_hash)</c>: a list of hashes keyed by
/// the header row, all values strings (RFC 4180 quoting).
/// </summary>
public static class CsvData
{
    public static List<object?> Read(string text, char separator)
    {
        var rows = Parse(text, separator);
        var result = new List<object?>();
        if (rows.Count == 0) return result;
        var header = rows[0];
        foreach (var row in rows.Skip(1))
        {
            var hash = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) hash.TryAdd(header[i], i < row.Count ? row[i] : null);
            result.Add(hash);
        }
        return result;
    }

    private static List<List<string>> Parse(string text, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            if (c == '"') { quoted = true; any = true; }
            else if (c == separator) { row.Add(field.ToString()); field.Clear(); any = true; }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (any || field.Length > 0) { row.Add(field.ToString()); rows.Add(row); }
                row = []; field.Clear(); any = false;
            }
            else { field.Append(c); any = true; }
        }
        if (any || field.Length > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
