using Candor.Site.Liquid.Filters;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>
/// Ruby's <c>&lt;=&gt;</c> as used by <c>sort</c>: numbers by value, dates by time, strings by code
/// point; mixed kinds (an error in Ruby) fall back to comparing their text so a page still builds.
/// </summary>
internal sealed class RubyComparer : IComparer<FluidValue>
{
    public static readonly RubyComparer Instance = new();

    public int Compare(FluidValue? x, FluidValue? y)
    {
        if (x is null || y is null) return (x is null).CompareTo(y is null) * -1;
        if (x is NumberValue && y is NumberValue) return x.ToNumberValue().CompareTo(y.ToNumberValue());
        if (TimeValue.TryGet(x, out var tx) && TimeValue.TryGet(y, out var ty)) return tx.CompareTo(ty);
        return string.CompareOrdinal(x.S(), y.S());
    }
}
