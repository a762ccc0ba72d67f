using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Jekyll's <c>markdownify</c> and <c>smartify</c>, which use the site's own converters.</summary>
internal static class MarkdownFilters
{
    public static FilterCollection WithMarkdownFilters(this FilterCollection filters, ILiquidHost host)
    {
        filters.AddFilter("markdownify", (input, _, _) => new(new StringValue(host.Markdownify(input.S()))));
        filters.AddFilter("smartify", (input, _, _) => new(new StringValue(host.Smartify(input.S()))));
        return filters;
    }
}
