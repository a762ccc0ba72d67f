using Fluid;

namespace Candor.Site.Liquid;

/// <summary>A parsed Liquid template, remembering where it came from for error messages.</summary>
public sealed class LiquidTemplate
{
    internal LiquidTemplate(IFluidTemplate template, string path, int lineOffset)
    {
        Fluid = template;
        Path = path;
        LineOffset = lineOffset;
    }

    internal IFluidTemplate Fluid { get; }
    /// <summary>Source-relative path of the file the template came from.</summary>
    public string Path { get; }
    /// <summary>Lines before the template in its file (the front matter), added to reported line numbers.</summary>
    public int LineOffset { get; }
}
