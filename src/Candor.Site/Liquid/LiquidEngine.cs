using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Candor.Site.Liquid.Filters;
using Candor.Site.Liquid.Tags;
using Candor.Site.Liquid.Values;
using Fluid;

namespace Candor.Site.Liquid;

/// <summary>
/// Jekyll-flavoured Liquid on Fluid: lax (undefined renders empty), with Jekyll's tags and filters.
/// Values passed in are plain data: <c>Dictionary&lt;string, object?&gt;</c>, lists, strings, numbers,
/// booleans, <see cref="DateTimeOffset"/> and null. One engine serves concurrent renders: the parser
/// and options are only read after construction, and each render has its own context.
/// </summary>
public sealed partial class LiquidEngine
{
    private readonly JekyllParser _parser;
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, (string Text, LiquidTemplate Template)> _includes = new(StringComparer.Ordinal);

    public LiquidEngine(ILiquidHost host)
    {
        Host = host;
        _parser = new JekyllParser(this);
        _options.TimeZone = host.TimeZone;
        // Ruby hashes are case-sensitive: `page.Title` is not `page.title`.
        _options.ModelNamesComparer = StringComparer.Ordinal;
        PlainDataConverter.Register(_options);
        _options.Filters
            .WithLiquidFixes()
            .WithDateFilters(host)
            .WithUrlFilters(host)
            .WithArrayFilters(_parser)
            .WithTextFilters()
            .WithMarkdownFilters(host)
            .WithJsonFilters();
    }

    public ILiquidHost Host { get; }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex ErrorPosition();

    /// <summary>Parses a template; a syntax error becomes a <see cref="SiteException"/> with file and line.</summary>
    public LiquidTemplate Parse(string source, string path, int lineOffset = 0)
    {
        if (!_parser.TryParse(source, out var template, out var error))
        {
            var message = error ?? "invalid template";
            var position = ErrorPosition().Match(message);
            var line = position.Success ? int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            // Fluid appends its own "(line:column)" and a "Source:" excerpt; the file and line are
            // already in front of the message, so keep only the column and the offending source line.
            var cut = message.IndexOf("\nSource:", StringComparison.Ordinal);
            var excerpt = cut >= 0 ? message[(cut + "\nSource:".Length)..].Trim() : "";
            if (cut >= 0) message = message[..cut];
            if (position.Success) message = message.Replace(position.Value, $"(column {position.Groups[2].Value})", StringComparison.Ordinal).TrimEnd();
            if (excerpt.Length > 0) message += $": {excerpt.Split('\n')[0].Trim()}";
            throw new SiteException(path, lineOffset + line, $"Liquid syntax error: {message}");
        }
        return new LiquidTemplate(template, path, lineOffset);
    }

    /// <summary>An include's parsed template, parsed once per distinct text and shared by all renders.</summary>
    internal LiquidTemplate ParseInclude(string text, string path)
    {
        if (_includes.TryGetValue(path, out var cached) && string.Equals(cached.Text, text, StringComparison.Ordinal))
            return cached.Template;
        var template = Parse(text, path);
        _includes[path] = (text, template);
        return template;
    }

    public string Render(LiquidTemplate template, IReadOnlyDictionary<string, object?> globals)
    {
        var context = new TemplateContext(_options, StringComparer.Ordinal);
        foreach (var (name, value) in globals) context.SetValue(name, value);
        RenderState.Start(context, template);
        context.Undefined = name => CounterTags.Undefined(context, name);
        try
        {
            using var writer = new StringWriter();
            template.Fluid.RenderAsync(writer, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();
            return writer.ToString();
        }
        catch (Exception e) when (e is not SiteException)
        {
            throw new SiteException(template.Path, null, $"Liquid error in '{template.Path}': {e.Message}", e);
        }
    }
}
