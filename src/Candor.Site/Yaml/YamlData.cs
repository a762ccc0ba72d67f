using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Candor.Site.Ruby;

namespace Candor.Site.Yaml;

/// <summary>
/// Reads YAML into plain data the way Ruby's Psych (which Jekyll uses) resolves it: YAML 1.1 booleans
/// (yes/no/on/off), integers, floats with a dot, dates and timestamps — so front matter means the same
/// thing in Candor as in Jekyll. Mappings become <c>Dictionary&lt;string, object?&gt;</c> (insertion
/// ordered), sequences <c>List&lt;object?&gt;</c>, timestamps <see cref="DateTimeOffset"/> in the site's zone.
/// </summary>
public static partial class YamlData
{
    /// <summary>Parses a YAML document. Errors carry the file and the line within it.</summary>
    /// <param name="lineOffset">Lines before the YAML in its file (e.g. the opening <c>---</c>).</param>
    public static object? Parse(string text, string file, TimeZoneInfo zone, int lineOffset = 0)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet may notice an unclosed construct only past the end; point at the last line instead.
            var lines = text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
            throw new SiteException(file, Math.Min((int)e.Start.Line, Math.Max(1, lines)) + lineOffset, $"invalid YAML: {Describe(e)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections ("[a, b").
            throw new SiteException(file, lineOffset + 1, "invalid YAML: an unterminated [ ] or { } collection or quoted string");
        }
        if (stream.Documents.Count == 0) return null;
        try
        {
            return Convert(stream.Documents[0].RootNode, file, zone, lineOffset);
        }
        catch (InvalidOperationException e)
        {
            throw new SiteException(file, lineOffset + 1, $"invalid YAML: {e.Message}");
        }
    }

    /// <summary>Parses YAML whose top level must be a mapping (front matter, _config.yml).</summary>
    public static Dictionary<string, object?> ParseMapping(string text, string file, TimeZoneInfo zone, int lineOffset = 0)
    {
        var value = Parse(text, file, zone, lineOffset);
        return value switch
        {
            null => new Dictionary<string, object?>(),
            Dictionary<string, object?> map => map,
            _ => throw new SiteException(file, lineOffset + 1, "expected YAML key: value pairs at the top level"),
        };
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet wraps the useful message; the innermost one names the actual problem.
        var message = e.InnerException?.Message ?? e.Message;
        return message.Replace("\r", " ").Replace("\n", " ");
    }

    private static object? Convert(YamlNode node, string file, TimeZoneInfo zone, int lineOffset)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: "<<" } && value is YamlMappingNode or YamlSequenceNode)
                    {
                        MergeKey(dict, Convert(value, file, zone, lineOffset));
                        continue;
                    }
                    var name = Convert(key, file, zone, lineOffset) switch
                    {
                        null => "",
                        bool b => b ? "true" : "false",
                        var k => RubyText.ToS(k),
                    };
                    dict[name] = Convert(value, file, zone, lineOffset);
                }
                return dict;
            case YamlSequenceNode seq:
                return seq.Children.Select(c => Convert(c, file, zone, lineOffset)).ToList();
            case YamlScalarNode scalar:
                return Scalar(scalar, zone);
            default:
                return null;
        }
    }

    private static void MergeKey(Dictionary<string, object?> target, object? merged)
    {
        // YAML merge keys: explicit keys in the mapping win over merged ones.
        IEnumerable<object?> sources = merged is List<object?> list ? list : [merged];
        foreach (var source in sources)
            if (source is Dictionary<string, object?> map)
                foreach (var (k, v) in map) target.TryAdd(k, v);
    }

    private static object? Scalar(YamlScalarNode node, TimeZoneInfo zone)
    {
        var text = node.Value ?? "";
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? "" : node.Tag.Value;
        if (node.Style != ScalarStyle.Plain) return tag switch
        {
            "tag:yaml.org,2002:int" when long.TryParse(text, out var n) => n,
            _ => text,
        };
        if (tag == "tag:yaml.org,2002:str") return text;
        return ResolvePlain(text, zone);
    }

    /// <summary>Psych's implicit typing of an unquoted scalar.</summary>
    internal static object? ResolvePlain(string text, TimeZoneInfo zone)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
        }
        var lower = text.ToLowerInvariant();
        if (lower is "true" or "yes" or "on") return true;
        if (lower is "false" or "no" or "off") return false;
        if (IntPattern().IsMatch(text))
        {
            var clean = text.Replace("_", "").Replace(",", "");
            if (long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        }
        if (OctalPattern().IsMatch(text))
            return System.Convert.ToInt64(text.Replace("_", "").Replace("0o", "").TrimStart('+'), 8);
        if (HexPattern().IsMatch(text))
            return System.Convert.ToInt64(text.Replace("_", "").Replace("0x", "").Replace("0X", "").TrimStart('+'), 16);
        if (FloatPattern().IsMatch(text))
        {
            if (lower.EndsWith(".inf")) return text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            if (lower == ".nan") return double.NaN;
            if (double.TryParse(text.Replace("_", "").Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        }
        if (RubyDate.TryParseYamlTimestamp(text, zone, out var when)) return when;
        return text;
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_,]*)$")]
    private static partial Regex IntPattern();
    [GeneratedRegex(@"^\+?0o?[0-7_]+$")]
    private static partial Regex OctalPattern();
    [GeneratedRegex(@"^[-+]?0[xX][0-9a-fA-F_]+$")]
    private static partial Regex HexPattern();
    [GeneratedRegex(@"^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
