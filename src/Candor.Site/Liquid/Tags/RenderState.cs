using Fluid;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// Per-render record of which file is being rendered (the page, then nested includes), so tags can
/// resolve <c>include_relative</c> and name the right file and line in errors.
/// </summary>
internal sealed class RenderState
{
    private const string Key = "Candor.Site.Liquid.RenderState";
    private readonly Stack<LiquidTemplate> _files = new();

    /// <summary>Counters of <c>increment</c>/<c>decrement</c>, which live for the whole render.</summary>
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public LiquidTemplate Current => _files.Peek();
    public int Depth => _files.Count;

    public static RenderState Start(TemplateContext context, LiquidTemplate template)
    {
        var state = new RenderState();
        state._files.Push(template);
        context.AmbientValues[Key] = state;
        return state;
    }

    public static RenderState Of(TemplateContext context) => (RenderState)context.AmbientValues[Key];

    public void Enter(LiquidTemplate template) => _files.Push(template);

    public void Leave() => _files.Pop();
}
