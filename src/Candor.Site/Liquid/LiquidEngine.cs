using Fluid;

namespace Candor.Site.Liquid;

/// <summary>
/// Jekyll-flavoured Liquid on Fluid: lax (undefined renders empty), with Jekyll's tags and filters.
/// Values passed in are plain data: <c>Dictionary&lt;string, object?&gt;</c>, lists, strings, numbers,
/// booleans, <see cref="DateTimeOffset"/> and null.
/// </summary>
public sealed class LiquidEngine
{
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();

    public LiquidEngine(ILiquidHost host)
    {
        Host = host;
        _options.TimeZone = host.TimeZone;
    }

    public ILiquidHost Host { get; }

    /// <summary>Parses a template; a syntax error becomes a <see cref="SiteException"/> with file and line.</summary>
    public LiquidTemplate Parse(string source, string path, int lineOffset = 0)
    {
        if (!_parser.TryParse(source, out var template, out var error))
            throw new SiteException(path, lineOffset + 1, $"Liquid syntax error: {error}");
        return new LiquidTemplate(template, path, lineOffset);
    }

    public string Render(LiquidTemplate template, IReadOnlyDictionary<string, object?> globals)
    {
        var context = new TemplateContext(_options);
        foreach (var (name, value) in globals) context.SetValue(name, value);
        try
        {
            return template.Fluid.Render(context);
        }
        catch (Exception e) when (e is not SiteException)
        {
            throw new SiteException(template.Path, null, $"Liquid error: {e.Message}", e);
        }
    }
}
